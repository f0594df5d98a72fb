"""正本 / 副本 lists: split into entries without breaking names joined by 、 or -."""
from __future__ import annotations

import pytest

from pipeline.parse.recipients import split_recipients

SEED_MAIN = ("本府各處（本府政風處除外）、本府所屬一-二級機關、本縣各公立國民中-小學、本縣各鄉鎮市公所、縣長室、"
             "副縣長室、秘書長室、參議室、秘書辦公室、消費者保護官室")
SEED_COPY = ("本府政風處、花蓮縣警察局政風室、花蓮縣消防局政風室、花蓮縣文化局政風室、花蓮縣環境保護局政風室、"
             "花蓮縣衛生局政風室、花蓮縣地方稅務局政風室、花蓮縣花蓮地政事務所政風室、花蓮縣吉安鄉公所政風室、"
             "花蓮縣玉里鎮公所政風室、花蓮縣花蓮市公所政風室電2009/11/33")


def names(text: str) -> list[str]:
    """Given a list text, return the entry names."""
    return [a.name for a in split_recipients(text)]


def test_seed_main_list_has_ten_entries():
    assert names(SEED_MAIN) == [
        "本府各處（本府政風處除外）", "本府所屬一-二級機關", "本縣各公立國民中-小學", "本縣各鄉鎮市公所", "縣長室",
        "副縣長室", "秘書長室", "參議室", "秘書辦公室", "消費者保護官室",
    ]


def test_seed_copy_list_has_eleven_entries_without_the_stamp():
    entries = names(SEED_COPY)
    assert len(entries) == 11
    assert entries[0] == "本府政風處"
    assert entries[-1] == "花蓮縣花蓮市公所政風室"


SPLITS = [
    ("本縣各公立國民中、小學、本縣各鄉鎮市公所", ["本縣各公立國民中、小學", "本縣各鄉鎮市公所"]),
    ("本府所屬一-二級機關、本縣各公立國民中-小學", ["本府所屬一-二級機關", "本縣各公立國民中-小學"]),
    ("本市各公私立高級中等學校、本市各公私立國民中、小學", ["本市各公私立高級中等學校", "本市各公私立國民中、小學"]),
    ("各直轄市政府、各縣（市）政府", ["各直轄市政府", "各縣（市）政府"]),
    ("臺北市政府，新北市政府，桃園市政府", ["臺北市政府", "新北市政府", "桃園市政府"]),
    ("臺北市政府,新北市政府", ["臺北市政府", "新北市政府"]),
    ("臺中市中區區公所\n臺中市東區區公所\n臺中市西區區公所", ["臺中市中區區公所", "臺中市東區區公所", "臺中市西區區公所"]),
    ("本縣各公私立幼兒園、本府教\n育處、屏東縣政府消防局", ["本縣各公私立幼兒園", "本府教育處", "屏東縣政府消防局"]),
    ("國立臺灣師範大學、國立政治大學、國立中\n央大學", ["國立臺灣師範大學", "國立政治大學", "國立中央大學"]),
    ("花蓮縣政府", ["花蓮縣政府"]),
    ("○○精密工業股份有限公司", ["○○精密工業股份有限公司"]),
    ("本府政風處、花蓮縣警察局政風室\n第1頁,共1頁", ["本府政風處", "花蓮縣警察局政風室"]),
    ("", []),
]


@pytest.mark.parametrize("text, expected", SPLITS, ids=[f"list{i}" for i in range(len(SPLITS))])
def test_split_recipients(text, expected):
    assert names(text) == expected


FLAGS = [
    ("本部資訊及科技教育司(含附件)、本部高等教育司", [("本部資訊及科技教育司", True), ("本部高等教育司", False)]),
    ("本府消防局（含附件）、本府教育處", [("本府消防局", True), ("本府教育處", False)]),
    ("本縣各國民中、小學(含附件)", [("本縣各國民中、小學", True)]),
    ("臺中市政府警察局(含附件)、臺中市政府民政局(含附件)", [("臺中市政府警察局", True), ("臺中市政府民政局", True)]),
    ("本府各處（本府政風處除外）", [("本府各處（本府政風處除外）", False)]),
]


@pytest.mark.parametrize("text, expected", FLAGS, ids=[f"flags{i}" for i in range(len(FLAGS))])
def test_with_attachments_flag(text, expected):
    assert [(a.name, a.with_attachments) for a in split_recipients(text)] == expected


@pytest.mark.parametrize("text, names", [
    ("本府所屬一、二級機關、本縣各國民中、小學", ["本府所屬一、二級機關", "本縣各國民中、小學"]),
    ("第一、二、三類機構、教育部", ["第一、二、三類機構", "教育部"]),
    ("本府一級機關、二級機關", ["本府一級機關", "二級機關"]),  # each a whole name: no numbers run on
    ("各縣（市）政府、各鄉（鎮、市）公所", ["各縣（市）政府", "各鄉（鎮、市）公所"]),
])
def test_numbers_enumerated_within_one_name_stay_one_recipient(text, names):
    assert [a.name for a in split_recipients(text)] == names


def test_instruction_to_a_recipient_is_not_its_name():
    from pipeline.parse.recipients import split_recipients
    entries = split_recipients("最高法院、臺灣高等法院(請轉行查照)、臺北高等行政法院（含附件）")
    assert [(e.name, e.with_attachments) for e in entries] == [
        ("最高法院", False), ("臺灣高等法院", False), ("臺北高等行政法院", True)]
