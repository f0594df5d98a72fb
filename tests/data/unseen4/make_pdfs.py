"""Make the unseen4 PDF bundles: four fictitious 函, each merged with its plan (壹、貳、…) and 分工表 into ONE PDF.

The letter is laid out by unseen_pdf/make_pdfs.py's Builder (odfpy, binding line, hanging indents, page
footer); this script adds, after a page break, the plan's title and its 壹、→ 一、→ (一) tree, and after
another page break the 分工表's title and its ruled two-column table. One LibreOffice headless call
converts all four; each PDF's text layer must hold every character written, and dates and ids are pinned.

    .venv/bin/python tests/data/unseen4/make_pdfs.py      # needs soffice, fonts-noto-cjk, fonts-arphic-ukai

The expected records beside the PDFs (<stem>.json) are written by hand, not by this script.
"""
from __future__ import annotations

import collections
import importlib.util
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("unseen_pdf_make", HERE.parent / "unseen_pdf" / "make_pdfs.py")
base = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = base  # dataclasses look their module up
_spec.loader.exec_module(base)


@dataclass
class Bundle(base.Letter):
    """A letter with its plan (title, sections) and 分工表 (title, rows) printed after it in the same PDF."""
    plan_title: str = ""
    plan: list = field(default_factory=list)  # (marker, heading, text, children); children: (marker, text, children)
    division_title: str = ""
    division: list = field(default_factory=list)  # rows of [unit, duties]; the first row is the header


class BundleBuilder(base.Builder):
    """The letter Builder, then the plan and the 分工表, each from a new page."""

    def page_break(self, text: str, size: float) -> None:
        self.para(text, size, breakbefore="page", textalign="center", marginbottom="0.4cm")

    def plan(self) -> None:
        letter, size = self.letter, self.letter.body_size
        self.page_break(letter.plan_title, 18)
        for marker, heading, text, children in letter.plan:
            self.hanging(marker + heading, size, 0, 2, margintop="0.15cm")
            if text:
                self.hanging(text, size, 2, 0)
            self.items(children, size, 2)

    def division_table(self) -> None:
        letter = self.letter
        self.page_break(letter.division_title, 16)
        self.table(letter.division, 13, 0)

    def odt(self) -> bytes:
        self.binding_line()
        self.head()
        self.body()
        self.plan()
        self.division_table()
        raw = base.io.BytesIO()
        self.doc.write(raw)
        return base.rezip(base.zipfile.ZipFile(raw))


SANS, KAI, SERIF = base.SANS, base.KAI, base.SERIF

BUNDLES = [
    Bundle(
        stem="tfd-bundle-fireworks",
        font=KAI, pages=3, title="臺北市政府消防局　函",
        file_no="113/070101/2", retention="5年",
        contact=["地址：110204臺北市信義區松仁路1號", "承辦人：范志誠", "電話：(02)2729-7668分機6123",
                 "傳真：(02)2758-1234", "電子信箱：fanzc@fire.gov.taipei"],
        recipient="受文者：臺北市信義區公所",
        fields=["發文日期：中華民國113年12月2日", "發文字號：北市消預字第1133045678號", "速別：速件",
                "密等及解密條件或保密期限：",
                "附件：臺北市113年跨年活動消防安全維護計畫、跨年活動消防安全維護工作分工表"
                "（379130000C1133045678_2_ATTACH1.odt、379130000C1133045678_2_ATTACH2.odt）"],
        body=[
            ("主旨：", "檢送「臺北市113年跨年活動消防安全維護計畫」及工作分工表各1份，請依分工配合辦理，請查照。"),
            ("說明：", [
                ("一、", "依據臺北市政府113年11月18日府授觀字第1133098765號函辦理。", []),
                ("二、", "維護期間自113年12月31日起至114年1月1日止，共2天，請貴所協助管制活動區域周邊攤販及違規停車。", []),
            ]),
        ],
        cc=["正本：臺北市信義區公所、臺北市政府警察局信義分局", "副本：本局火災預防科（含附件）、本局第一救災救護大隊"],
        signature="局長　李○○",
        plan_title="臺北市113年跨年活動消防安全維護計畫",
        plan=[
            ("壹、", "依據", "臺北市政府113年11月18日府授觀字第1133098765號函。", []),
            ("貳、", "目的", "為維護跨年活動期間民眾生命財產安全，預防火災及意外事故發生，特訂定本計畫。", []),
            ("參、", "執行期間", "自113年12月31日下午2時起至114年1月1日上午2時止。", []),
            ("肆、", "執行事項", "", [
                ("一、", "煙火施放安全：", [
                    ("（一）", "施放前會同專業人員檢查煙火儲存及施放場所。", []),
                    ("（二）", "施放區周邊設置安全距離及警戒線。", []),
                ]),
                ("二、", "救護待命：於活動區域設置救護站3處，每站配置救護車1輛。", []),
            ]),
            ("伍、", "本計畫奉核後實施，修正時亦同。", "", []),
        ],
        division_title="臺北市113年跨年活動消防安全維護工作分工表",
        division=[["單位", "工作事項"],
                  ["本局火災預防科", "1.辦理煙火施放場所安全檢查。2.彙整各單位執行情形。"],
                  ["本局第一救災救護大隊", "派遣救護車及人員於活動區域待命。"],
                  ["臺北市信義區公所", "協助管制活動區域周邊攤販及違規停車。"]],
    ),
    Bundle(
        stem="tycpd-bundle-traffic",
        font=SANS, pages=3, line_height="100%", title="桃園市政府警察局 函", title_layout="frame", title_size=18,
        file_no="113/0404/1", retention="3年",
        contact=["地址：330206桃園市桃園區縣府路3號", "承辦人：邱建華", "電話：03-3335000分機3456",
                 "傳真：03-3331234", "電子信箱：chiujh@typd.gov.tw"],
        contact_size=11, contact_width=6.4, contact_hang=5,
        recipient="受文者：桃園市政府交通局",
        fields=["發文日期：中華民國113年3月25日", "發文字號：桃警交字第1130023456號", "速別：普通件",
                "密等及解密條件或保密期限：",
                "附件：桃園市113年清明連續假期交通疏導計畫、交通疏導分工表"
                "（380300000G1130023456_1_ATTACH1.odt、380300000G1130023456_1_ATTACH2.odt）"],
        body=[
            ("主旨：", "檢送本局「桃園市113年清明連續假期交通疏導計畫」及分工表各1份，請配合辦理，請查照。"),
            ("說明：", [
                ("一、", "清明連續假期自113年4月4日起至113年4月7日止，共4天，轄內公墓周邊道路車流量大增。", []),
                ("二、", "請貴局協調客運業者加開接駁車班次，並於113年3月29日前將接駁路線函送本局。", []),
            ]),
        ],
        cc=["正本：桃園市政府交通局、桃園市政府民政局", "副本：本局交通警察大隊（含附件）"],
        signature="局長　黃○○",
        plan_title="桃園市113年清明連續假期交通疏導計畫",
        plan=[
            ("壹、", "目的", "疏導清明連續假期掃墓車流，維護用路人安全。", []),
            ("貳、", "實施期間", "113年4月4日至4月7日，每日上午6時至下午6時。", []),
            ("參、", "實施要領", "", [
                ("一、", "於公墓周邊道路實施單向管制。", []),
                ("二、", "重要路口派員指揮交通，必要時實施交通管制。", []),
            ]),
            ("肆、", "本計畫奉核後實施。", "", []),
        ],
        division_title="桃園市113年清明連續假期交通疏導分工表",
        division=[["單位", "工作事項"],
                  ["本局交通警察大隊", "規劃管制路段並派員執勤。"],
                  ["桃園市政府交通局", "1.協調客運業者加開接駁車。2.設置臨時交通標誌。"],
                  ["桃園市政府民政局", "公告公墓開放時間及接駁資訊。"]],
    ),
    Bundle(
        stem="mjib-bundle-security",
        font=SERIF, pages=3, line_height="100%", title="法務部調查局　函", binding="dots",
        file_no="113/0901/4", retention="10年",
        contact=["地址：231209新北市新店區中華路74號", "承辦人：唐立偉", "電話：(02)2918-8888轉2345",
                 "傳真：(02)2918-1234", "電子信箱：tanglw@mjib.gov.tw"],
        recipient="受文者：法務部矯正署",
        fields=["發文日期：中華民國113年8月19日", "發文字號：調保貳字第11300567890號", "速別：普通件",
                "密等及解密條件或保密期限：",
                "附件：113年度機關安全維護工作計畫、機關安全維護工作分工表"
                "（A09030000E11300567890_3_ATTACH1.odt、A09030000E11300567890_3_ATTACH2.odt）"],
        body=[
            ("主旨：", "檢送「113年度機關安全維護工作計畫」及分工表各1份，請督導所屬落實執行，請查照。"),
            ("說明：", [
                ("一、", "依據法務部113年8月5日法政字第11301234560號函辦理。", []),
                ("二、", "請於113年12月20日前將執行成果函送本局。", []),
            ]),
        ],
        cc=["正本：法務部矯正署、法務部行政執行署", "副本：本局保防處（含附件）"],
        signature="局長　王○○",
        plan_title="113年度機關安全維護工作計畫",
        plan=[
            ("壹、", "依據", "法務部113年8月5日法政字第11301234560號函。", []),
            ("貳、", "實施對象", "法務部所屬各機關。", []),
            ("參、", "工作重點", "", [
                ("一、", "門禁管制：", [
                    ("（一）", "落實訪客登記及換證。", []),
                    ("（二）", "定期檢查監視系統。", []),
                ]),
                ("二、", "資訊安全：加強公務電腦管理，嚴防機密外洩。", []),
            ]),
            ("肆、", "本計畫奉核後實施，修正時亦同。", "", []),
        ],
        division_title="113年度機關安全維護工作分工表",
        division=[["單位", "工作事項"],
                  ["本局保防處", "規劃督導各機關安全維護工作。"],
                  ["法務部矯正署", "1.督導所屬矯正機關落實門禁管制。2.彙報執行成果。"],
                  ["法務部行政執行署", "督導所屬分署辦理資訊安全檢查。"]],
    ),
    Bundle(
        stem="vac-bundle-veterans",
        font=KAI, pages=3, title="國軍退除役官兵輔導委員會　函", title_size=18, binding="dots",
        file_no="113/050301/1", retention="5年",
        contact=["地址：104212臺北市中山區北安路81號", "承辦人：鄧美玲", "電話：(02)2725-5700分機2123",
                 "傳真：(02)2725-1234", "電子信箱：tengml@mail.vac.gov.tw"],
        recipient="受文者：國軍退除役官兵輔導委員會臺北市榮民服務處",
        fields=["發文日期：中華民國113年9月2日", "發文字號：輔服字第1130078901號", "速別：普通件",
                "密等及解密條件或保密期限：",
                "附件：113年重陽節敬老關懷實施計畫、重陽節敬老關懷工作分工表"
                "（A27000000I1130078901_1_ATTACH1.odt、A27000000I1130078901_1_ATTACH2.odt）"],
        body=[
            ("主旨：", "檢送「113年重陽節敬老關懷實施計畫」及工作分工表各1份，請依計畫辦理，請查照。"),
            ("說明：", [
                ("一、", "關懷訪視期間自113年10月1日起至113年10月31日止。", []),
                ("二、", "請於113年11月15日前將訪視成果彙報本會。", []),
            ]),
        ],
        cc=["正本：各縣市榮民服務處", "副本：本會服務照顧處（含附件）"],
        signature="主任委員　嚴○○",
        plan_title="113年重陽節敬老關懷實施計畫",
        plan=[
            ("壹、", "目的", "於重陽節期間關懷高齡榮民，表達政府敬老之意。", []),
            ("貳、", "實施期間", "113年10月1日至10月31日。", []),
            ("參、", "實施方式", "", [
                ("一、", "由服務處人員及志工登門訪視90歲以上榮民。", []),
                ("二、", "致贈敬老禮金及慰問品。", []),
            ]),
            ("肆、", "本計畫奉核後實施。", "", []),
        ],
        division_title="重陽節敬老關懷工作分工表",
        division=[["單位", "工作事項"],
                  ["本會服務照顧處", "規劃訪視作業並核撥經費。"],
                  ["各縣市榮民服務處", "1.訪視轄內高齡榮民。2.彙報訪視成果。"]],
    ),
]


def written_text(bundle: Bundle) -> str:
    """Given a bundle, return every character written into it (page furniture aside)."""
    parts = [base.written_text(bundle), bundle.plan_title, bundle.division_title]

    def walk(items):
        for marker, text, children in items:
            parts.append(marker + text)
            walk(children)

    for marker, heading, text, children in bundle.plan:
        parts += [marker, heading, text]
        walk(children)
    parts += [cell for row in bundle.division for cell in row]
    return "".join(parts)


def check_text_layer(bundle: Bundle, pdf: bytes) -> None:
    """Given a bundle and its PDF, stop unless it has the planned pages and holds every written character."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    if len(pages) != bundle.pages:
        raise SystemExit(f"{bundle.stem}: {len(pages)} page(s), planned {bundle.pages}")
    missing = collections.Counter(re.sub(r"\s", "", written_text(bundle))) - \
        collections.Counter(re.sub(r"\s", "", "".join(pages)))
    if missing:
        raise SystemExit(f"{bundle.stem}: text layer lacks {dict(missing)}")


def main() -> None:
    if not shutil.which("soffice"):
        raise SystemExit("make_pdfs.py needs LibreOffice (soffice), fonts-noto-cjk and fonts-arphic-ukai")
    odts = {bundle.stem: BundleBuilder(bundle).odt() for bundle in BUNDLES}
    with tempfile.TemporaryDirectory(prefix="unseen4-pdf-") as tmp:
        pdfs = base.convert_all(odts, Path(tmp))
    for bundle in BUNDLES:
        check_text_layer(bundle, pdfs[bundle.stem])
    for bundle in BUNDLES:
        path = HERE / f"{bundle.stem}.pdf"
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(base.pin(pdfs[bundle.stem]))
        os.replace(tmp, path)
        print(f"{path.relative_to(HERE.parent.parent.parent)}  {path.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
