"""Assemble what a format's layout template prints: the 函 header block, body and distribution, control characters removed."""
from __future__ import annotations

import datetime as dt
import re

from pipeline.records import RocDate
from pipeline.render.compose import Draft
from pipeline.render.numbering import number_to_dispatch

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 control characters but tab and newline


def without_controls(value):
    """Given a layout value (text, or lists and dicts of them), return it without control characters but tab
    and newline (CR LF and a lone CR become a newline); other values as they are."""
    if isinstance(value, str):
        return CONTROLS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if isinstance(value, list):
        return [without_controls(v) for v in value]
    if isinstance(value, dict):
        return {key: without_controls(v) for key, v in value.items()}
    return value


def letter_layout(draft: Draft, wording: dict, profile: dict, number: str, day: dt.date) -> dict:
    """Given a letter draft, its wording, our profile, its 發文字號 ("" for none) and date, return the layout context."""
    values = draft.values
    return without_controls({
        "kind": draft.kind,
        "file_no": "",  # 檔號: assigned when filed
        "retention": profile["letter"]["retention"],  # 保存年限
        "agency": profile["agency"]["name"],  # 全銜
        "agency_code": profile["agency"]["code"],  # 機關代碼
        "doc_type": "函",  # 文別
        "address": profile["agency"]["address"],
        "contact": profile["contact"],
        "recipient": values["recipient"],  # 受文者
        "date": "中華民國" + RocDate.of(day).roc,  # 發文日期 as printed
        "date_iso": day.isoformat(),
        "issued": RocDate.of(day),  # 發文日期 as a record value
        "dispatch_no": number,  # 發文字號 as printed ("" when numbered elsewhere)
        "dispatch": number_to_dispatch(number, profile["dispatch"]["word"]),  # 發文字號 as a record value
        "speed": profile["letter"]["speed"],  # 速別
        "secrecy": values.get("secrecy", ""),  # 密等及解密條件或保密期限: a reply carries the incoming letter's
        "attachments": values["attachments"],  # 附件
        "subject": wording["subject"],  # 主旨
        "explanation": wording["explanation"],  # 說明
        "cc_main": values["cc_main"],  # 正本
        "cc_copy": values["cc_copy"],  # 副本
        "signatory": profile["letter"]["signatory"],  # 署名
    })


def table_layout(draft: Draft, profile: dict) -> dict:
    """Given a table draft and our profile, return the layout context of the division-table document."""
    return without_controls({"kind": draft.kind, "agency": profile["agency"]["name"], **draft.values})
