"""Entry point for spark-submit, which runs a Python file rather than a console script:

    spark-submit --master spark://HOST:7077 "$(python -c 'import eventwire.spark.__main__ as m; print(m.__file__)')" \\
        run INPUTS... --out DIR
"""

from eventwire.cli.spark import app

if __name__ == "__main__":
    app(prog_name="eventwire spark")
