"""The bytes of an input: gzip unpacked under a running cap (a bomb is refused at the limit, not after
inflating it), streams read under a cap, and text told from bytes whatever its encoding (UTF-16/32 without a
BOM, stray NUL bytes) while binary files are still refused."""

from __future__ import annotations

import gzip
import io

import pytest

from eventwire.errors import UnreadableInput
from eventwire.ingest.raw import decode, gunzip, open_unpacked, read_capped, valid_text
from tests.conftest import EXAMPLES

STORY = (EXAMPLES / "protest_tbilisi.txt").read_text(encoding="utf-8")
RUSSIAN = ("Тысячи человек в понедельник вечером вышли на акцию протеста у здания парламента Грузии в Тбилиси, "
           "требуя отозвать законопроект об иностранных агентах.\n") * 3
CHINESE = "周一晚上，数千人聚集在第比利斯的格鲁吉亚议会大楼外抗议，要求撤回外国代理人法案。\n" * 3


class _CountingReader(io.RawIOBase):
    """A stream that says how many bytes were taken from it."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = io.BytesIO(data)
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self.data.read(len(buffer))
        buffer[:len(chunk)] = chunk
        self.taken += len(chunk)
        return len(chunk)


def test_a_gzip_bomb_is_refused_once_the_limit_is_unpacked() -> None:
    bomb = gzip.compress(b"\0" * (128 * 1024 * 1024), compresslevel=9)  # 128 MiB of zeros in about 128 KB
    packed = _CountingReader(bomb)
    with pytest.raises(UnreadableInput, match="more than the 1048576-byte limit"):
        open_unpacked("bomb.txt.gz", packed, limit=1024 * 1024).read()
    assert packed.taken < len(bomb) // 4  # inflating stopped at the limit: most of the file was never read
    with pytest.raises(UnreadableInput, match="unpacks to more than the 1048576-byte limit"):
        gunzip("bomb.txt.gz", bomb, limit=1024 * 1024)


def test_gunzip_reads_every_member_and_names_a_broken_stream() -> None:
    assert gunzip("two.gz", gzip.compress(b"first ") + gzip.compress(b"second")) == b"first second"
    packed = gzip.compress(STORY.encode())
    with pytest.raises(UnreadableInput, match="broken gzip file"):
        gunzip("cut.gz", packed[: len(packed) // 2])


def test_a_plain_stream_is_refused_past_its_limit_without_reading_it_all() -> None:
    source = _CountingReader(b"x" * (8 * 1024 * 1024))
    with pytest.raises(UnreadableInput, match="larger than the 65536-byte limit"):
        open_unpacked("<stdin>", source, limit=65536).read()
    assert source.taken < 1024 * 1024
    response = _CountingReader(b"x" * (8 * 1024 * 1024))  # an HTTP body read as it comes
    with pytest.raises(UnreadableInput, match="larger than the 65536-byte limit"):
        read_capped("https://news.example/big", response, limit=65536)
    assert response.taken < 1024 * 1024
    assert read_capped("small", io.BytesIO(b"story"), limit=5) == b"story"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [STORY, RUSSIAN, CHINESE], ids=["english", "russian", "chinese"])
def test_utf16_and_utf32_without_a_bom_are_read_as_text(text: str, encoding: str) -> None:
    assert decode("article.txt", text.encode(encoding), is_html=False) == text


def test_a_few_nul_bytes_are_dropped_and_a_binary_file_is_still_refused() -> None:
    half = len(STORY) // 2
    damaged = (STORY[:half] + "\0\0" + STORY[half:]).encode() + b"\0" * 4096  # a stray pair and zero padding
    assert decode("article.txt", b"\0" + damaged, is_html=False) == STORY
    with pytest.raises(UnreadableInput, match="binary"):
        decode("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, is_html=False)


def test_valid_text_replaces_lone_surrogates_and_drops_nuls() -> None:
    assert valid_text("Kyiv \ud800 talks\x00") == "Kyiv \ufffd talks"
    assert valid_text(STORY) is STORY
