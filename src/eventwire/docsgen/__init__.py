"""The documentation site's generated pages (codebook, reference, accuracy, layout), written from the package's
own data, CLI and code by `python -m eventwire.docsgen DIR` before `mkdocs build` (`make docs`), so that
no table in the site is copied by hand and none can drift from the code."""
