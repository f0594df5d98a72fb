"""Make the unseen-PDF letters: eight fictitious 函 / 書函 laid out the way agencies' PDFs are.

Each letter is written as ODT with odfpy (page-anchored frames for the binding line, a
paragraph-anchored frame or a borderless table for an address block beside the title,
hanging indents for 主旨 / 說明 / items, a master page whose footer counts pages and, for
the two-page letter, a second master page repeating the title as a header), then all are
converted to PDF by one LibreOffice headless call with its own profile. Each PDF's text
layer is read back (pypdfium2) and must hold every character that was written, on the
number of pages planned; dates and ids are pinned so a re-run gives the same bytes.

    .venv/bin/python tests/data/unseen_pdf/make_pdfs.py      # needs soffice, fonts-noto-cjk, fonts-arphic-ukai

The expected records beside the PDFs (<stem>.json) are written by hand, not by this script.
"""
from __future__ import annotations

import collections
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from odf.draw import Frame, Line, StrokeDash, TextBox
from odf.opendocument import OpenDocumentText
from odf.style import (FontFace, Footer, GraphicProperties, Header, MasterPage, PageLayout, PageLayoutProperties,
                       ParagraphProperties, Style, TableCellProperties, TableColumnProperties, TableProperties,
                       TextProperties)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P, PageCount, PageNumber

HERE = Path(__file__).resolve().parent
FIXED_TIME = (2024, 1, 2, 9, 0, 0)  # zip entry times

KAI = "AR PL UKai TW"  # 楷書, the usual face of printed 公文
SANS = "Noto Sans CJK TC"
SERIF = "Noto Serif CJK TC"

PAGE_W, PAGE_H = 21.0, 29.7  # A4, cm
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 2.8, 2.0, 1.4, 1.2
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
PT = 2.54 / 72  # cm per point


# ---------- the letters ----------

@dataclass
class Letter:
    """One letter's content and layout choices."""
    stem: str
    font: str
    pages: int
    title: str  # as printed (spaces included when the agency spaces it out)
    file_no: str
    retention: str
    contact: list[str]  # 地址 … 電子信箱 lines, printed on the right half
    recipient: str  # 受文者 line
    fields: list[str]  # 發文日期 … 附件 lines
    body: list[tuple]  # (label, text) or (label, items); items: (marker, text, children) or ("table", rows)
    cc: list[str]  # 正本 / 副本 lines
    signature: str | None
    title_layout: str = "above"  # above: address block under the title; frame / table: beside it
    title_size: float = 20
    letter_spacing: str | None = None  # fo:letter-spacing of the title
    binding: str = "dash"  # dash: a dashed rule with 裝 訂 線 in its gaps; dots: a column of ┊ and the three characters
    body_size: float = 16
    line_height: str = "135%"  # of the font's own line height: UKai's is about 1 em, Noto CJK's about 1.45 em
    header_title: bool = False  # repeat the title as a page header from page 2 on
    contact_size: float = 12
    contact_width: float = 8.2  # cm, the right-half block's width
    contact_hang: float = 0  # hanging indent of contact lines, in em


LETTERS = [
    Letter(
        stem="taichung-city-twopage",
        font=KAI, pages=2, title="臺 中 市 政 府  函", header_title=True,
        file_no="113/040201/1", retention="10年",
        contact=["地址：407610臺中市西屯區臺灣大道3段99號", "承辦人：蔡佩珊", "電話：04-22289111分機54321",
                 "傳真：04-22581234", "電子信箱：tsaips@taichung.gov.tw"],
        recipient="受文者：臺中市立東山高級中學",
        fields=["發文日期：中華民國113年3月12日", "發文字號：府授教學字第1130067890號", "速別：普通件",
                "密等及解密條件或保密期限：",
                "附件：臺中市113年度高級中等學校防災教育訪視實施計畫（387000000A1130067890_1_ATTACH1.pdf）"],
        body=[
            ("主旨：", "檢送「臺中市113年度高級中等學校防災教育訪視實施計畫」1份，請依計畫期程完成自評並準備訪視資料，請查照。"),
            ("說明：", [
                ("一、", "依據教育部113年2月26日臺教學（五）字第1130019876號函辦理。", []),
                ("二、", "本計畫訪視期間自113年4月8日起至113年5月31日止，由本府教育局會同防災教育輔導團委員到校訪視，"
                        "各校訪視日期另以電子郵件通知。", []),
                ("三、", "訪視項目如下：", [
                    ("（一）", "校園災害防救計畫之訂定及修正情形。", []),
                    ("（二）", "防災教育課程融入教學及教師增能研習辦理情形。", []),
                    ("（三）", "校園防災演練之規劃、執行及檢討改進情形。", []),
                    ("（四）", "防災器材、避難設施及疏散路線之檢查與維護情形。", []),
                ]),
                ("四、", "請各校於113年3月29日前完成自評表，並將自評表及佐證資料上傳至本府教育局「校園安全資訊平臺」，"
                        "逾期未上傳者視同未完成自評。", []),
                ("五、", "訪視當日請校長或主任親自接待並簡報（以15分鐘為限），並請相關處室主管及承辦人員陪同說明，"
                        "簡報資料請以紙本8份備用。", []),
                ("六、", "訪視結果列為本府113學年度校務評鑑之參考，表現優良學校將依「臺中市立高級中等以下學校教職員獎懲作業要點」"
                        "規定從優敘獎。", []),
                ("七、", "本案聯絡人：本府教育局蔡佩珊小姐，電話：04-22289111分機54321。", []),
            ]),
        ],
        cc=["正本：本市各公私立高級中等學校", "副本：本府教育局（含附件）、臺中市政府消防局"],
        signature="市長　盧○○",
    ),
    Letter(
        stem="kaohsiung-epb-sameline-email",
        font=SANS, pages=1, line_height="100%", title="高雄市政府環境保護局 函", title_layout="frame", title_size=18,
        file_no="113/0601/2", retention="5年",
        contact=["地址：830203高雄市鳳山區光復路二段132號", "承辦人：鄭雅文", "電話：07-7351500分機2107",
                 "傳真：07-7351588", "電子信箱：kcepb.airquality.section2@mail.kcg.gov.tw"],
        contact_size=11, contact_width=6.4, contact_hang=5,
        recipient="受文者：高雄市鳳山區公所",
        fields=["發文日期：中華民國113年6月3日", "發文字號：高市環局空字第11336123400號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "為辦理113年度「露天燃燒稻草及廢棄物稽查專案」，請貴所協助轉知轄內里辦公處加強宣導，請查照。"),
            ("說明：", [
                ("一、", "依據環境部113年5月20日環空字第1131045678號函及「空氣污染防制法」第32條規定辦理。", []),
                ("二、", "稽查期間自113年6月15日起至113年7月14日止，共30天，本局將於轄內農地及空地加強巡查，"
                        "違者依法告發處分。", []),
                ("三、", "請貴所於113年6月12日前將宣導情形回報本局空氣品質科。", []),
            ]),
        ],
        cc=["正本：高雄市鳳山區公所", "副本：本局空氣品質科"],
        signature="局長　張○○",
    ),
    Letter(
        stem="hsinchu-county-three-levels",
        font=KAI, pages=1, title="新竹縣政府　函", body_size=15, binding="dots",
        file_no="113/070301/4", retention="3年",
        contact=["地址：302099新竹縣竹北市光明六路10號", "承辦人：彭志豪", "電話：03-5518101轉3215",
                 "傳真：03-5510123", "電子信箱：pengch@hsinchu.gov.tw"],
        recipient="受文者：新竹縣竹東鎮公所",
        fields=["發文日期：中華民國113年7月15日", "發文字號：府農林字第1130112233號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "有關本縣113年度森林火災預防宣導及通報作業，請依說明事項辦理，請查照。"),
            ("說明：", [
                ("一、", "依據農業部林業及自然保育署113年7月1日林保字第1131600789號函辦理。", []),
                ("二、", "各公所應辦理事項如下：", [
                    ("（一）", "宣導工作：", [
                        ("1、", "利用村（里）民大會、社區活動及廣播系統宣導入山用火安全規定。", []),
                        ("2、", "於登山口、林道入口及公墓周邊張貼防火宣導海報。", []),
                    ]),
                    ("（二）", "通報作業：", [
                        ("1、", "發現森林火災時，應立即撥打119並通報本府農業處，通報專線：03-5518101轉3210。", []),
                        ("2、", "火災處理完畢後3日內，填具森林火災報告表送本府備查。", []),
                    ]),
                ]),
                ("三、", "本案宣導期間自113年8月1日至113年12月31日止。", []),
            ]),
        ],
        cc=["正本：本縣各鄉（鎮、市）公所", "副本：本府農業處、本府消防局"],
        signature="縣長　楊○○",
    ),
    Letter(
        stem="moe-shuhan-reply",
        font=SERIF, pages=1, line_height="100%", title="教育部　書函", binding="dots",
        file_no="", retention="",
        contact=["地址：100217臺北市中正區中山南路5號", "聯絡人：簡淑芬", "聯絡電話：(02)7736-6123",
                 "傳真：(02)2397-6945", "電子信箱：sfchien@mail.moe.gov.tw"],
        recipient="受文者：國立東華大學",
        fields=["發文日期：中華民國113年4月22日", "發文字號：臺教高（二）字第1130039512號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "貴校函報113學年度學士班招生名額調整案，復請查照。"),
            ("說明：", [
                ("一、", "復貴校113年4月10日東教字第1130008765號函。", []),
                ("二、", "貴校申請調減資訊工程學系學士班招生名額5名，移撥至人工智慧學士學位學程一節，經審查符合"
                        "「專科以上學校總量發展規模與資源條件標準」規定，同意照辦。", []),
                ("三、", "請依核定結果於113年5月10日前至大學校院招生名額總量管理系統完成資料修正。", []),
            ]),
        ],
        cc=["正本：國立東華大學", "副本：本部高等教育司"],
        signature=None,
    ),
    Letter(
        stem="npa-speed-secret",
        font=KAI, pages=1, title="內政部警政署函", letter_spacing="0.3cm", title_size=22,
        file_no="113/0306/12", retention="30年",
        contact=["地址：100009臺北市中正區忠孝東路1段7號", "承辦人：洪建中", "電話：(02)2321-9011轉5566",
                 "傳真：(02)2394-0877", "電子信箱：hcc5566@npa.gov.tw"],
        recipient="受文者：臺東縣警察局",
        fields=["發文日期：中華民國113年9月9日", "發文字號：警署保字第1130987654號", "速別：速件",
                "密等及解密條件或保密期限：密（本件於113年10月31日解密）", "附件："],
        body=[
            ("主旨：", "為維護113年國慶典禮期間重要人士安全，請加強轄區安全維護工作，請查照。"),
            ("說明：", [
                ("一、", "依據內政部113年9月2日內授警字第1130876543號函辦理。", []),
                ("二、", "專案維護期間自113年10月8日起至113年10月11日止，共4天，請依本署警衛安全維護相關規定，"
                        "妥適部署警力。", []),
                ("三、", "本案係屬機密，請依「國家機密保護法」規定妥善保管，不得洩漏。", []),
            ]),
        ],
        cc=["正本：臺東縣警察局", "副本：本署保安組、本署刑事警察局"],
        signature="署長　黃○○",
    ),
    Letter(
        stem="keelung-city-table-header",
        font=SANS, pages=1, line_height="100%", title="基隆市政府　函", title_layout="table", binding="dots",
        file_no="113/020101/3", retention="5年",
        contact=["地址：202201基隆市中正區義一路1號", "承辦人：葉宗翰", "電話：02-24201122分機2205",
                 "傳真：02-24225678", "電子信箱：yeh2205@mail.klcg.gov.tw"],
        recipient="受文者：基隆市七堵區公所",
        fields=["發文日期：中華民國113年10月7日", "發文字號：基府社救貳字第1130256789號", "速別：普通件",
                "密等及解密條件或保密期限：",
                "附件：基隆市113年度冬令救助實施計畫（376570000A1130256789_1_ATTACH1.odt）"],
        body=[
            ("主旨：", "檢送「基隆市113年度冬令救助實施計畫」1份，請依計畫辦理轄內低收入戶及中低收入戶冬令救助發放事宜，請查照。"),
            ("說明：", [
                ("一、", "依據衛生福利部113年9月23日衛部救字第1131361234號函辦理。", []),
                ("二、", "救助金發放期間為113年12月2日至113年12月20日，請各區公所於發放完畢後10日內將領據及清冊送本府社會處。", []),
                ("三、", "請各區公所指定專人辦理，並於113年11月15日前將承辦人員名單函報本府。", []),
            ]),
        ],
        cc=["正本：本市各區公所", "副本：本府社會處（含附件）、本府主計處"],
        signature="市長　謝○○",
    ),
    Letter(
        stem="chiayi-city-schedule-table",
        font=KAI, pages=1, title="嘉義市政府　函",
        file_no="113/050201/1", retention="3年",
        contact=["地址：600201嘉義市東區中山路199號", "承辦人：侯怡君", "電話：05-2254321轉317",
                 "傳真：05-2251234", "電子信箱：hoyc317@ems.chiayi.gov.tw"],
        recipient="受文者：嘉義市立北興國民中學",
        fields=["發文日期：中華民國113年2月19日", "發文字號：府教特字第1130104567號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "有關本市113年度國民中學學生科學展覽會辦理期程，請依期程辦理報名及送件事宜，請查照。"),
            ("說明：", [
                ("一、", "依據「嘉義市中小學科學展覽會實施要點」辦理。", []),
                ("二、", "本年度辦理期程如下：", [
                    ("table", [["日期", "工作項目"],
                               ["113年3月4日至3月8日", "各校網路報名"],
                               ["113年3月22日", "作品說明書送件"],
                               ["113年4月10日", "作品布置及評審"],
                               ["113年4月12日", "頒獎典禮"]]),
                ]),
                ("三、", "作品送件地點：本市興華國民中學學務處，逾期送件者不予受理。", []),
            ]),
        ],
        cc=["正本：本市各公私立國民中學", "副本：本府教育處、嘉義市興華國民中學"],
        signature="市長　黃○○",
    ),
    Letter(
        stem="wra-explanation-and-measures",
        font=SERIF, pages=1, line_height="100%", title="經濟部水利署　函", binding="dots",
        file_no="113/030502/7", retention="10年",
        contact=["地址：413001臺中市霧峰區中正路1340號", "承辦人：魏士傑", "電話：04-23304788轉1234",
                 "傳真：04-23301234", "電子信箱：weisj@wra.gov.tw"],
        recipient="受文者：如正副本行文單位",
        fields=["發文日期：中華民國113年5月6日", "發文字號：經水河字第11353012340號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "請於113年5月31日前完成轄管河川區域內排水設施防汛前檢查，請查照。"),
            ("說明：", "依據本署113年4月25日經水河字第11353009870號函辦理。"),
            ("辦法：", [
                ("一、", "檢查範圍包括抽水站、閘門、堤防及護岸等設施，並應填具檢查紀錄表。", []),
                ("二、", "檢查發現缺失者，應於113年6月15日前完成改善，並將改善情形函報本署。", []),
                ("三、", "檢查期間如遇豪雨特報，應暫停檢查並優先辦理防汛應變工作。", []),
            ]),
        ],
        cc=["正本：經濟部水利署第一河川分署、經濟部水利署第二河川分署、經濟部水利署第三河川分署、經濟部水利署第四河川分署",
            "副本：本署河川海岸組、本署水利防災中心"],
        signature="署長　賴○○",
    ),
]


# ---------- ODT writing ----------

class Builder:
    """An odfpy document with the few styles a letter needs, named by what they are for."""

    def __init__(self, letter: Letter):
        self.letter = letter
        self.doc = OpenDocumentText()
        self.doc.fontfacedecls.addElement(FontFace(name=letter.font, fontfamily=letter.font,
                                                   fontfamilygeneric="roman", fontpitch="variable"))
        self.count = 0
        self.doc.styles.addElement(StrokeDash(name="BindingDash", style="rect", dots1="1", dots1length="0.12cm",
                                              distance="0.12cm"))
        self.pages()

    def name(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def paragraph_style(self, size: float, *, automatic: bool = True, master: str | None = None,
                        spacing: str | None = None, **para) -> Style:
        """Given a font size and paragraph properties, return a new paragraph style."""
        font = self.letter.font
        text = dict(fontname=font, fontnameasian=font, fontsize=f"{size}pt", fontsizeasian=f"{size}pt")
        if spacing:
            text["letterspacing"] = spacing
        style = Style(name=self.name("P"), family="paragraph", **({"masterpagename": master} if master else {}))
        style.addElement(TextProperties(**text))
        style.addElement(ParagraphProperties(**para))
        (self.doc.automaticstyles if automatic else self.doc.styles).addElement(style)
        return style

    def para(self, text: str, size: float, parent=None, **props) -> P:
        """Given text, a font size and paragraph properties, append a paragraph (to parent or the body)."""
        p = P(stylename=self.paragraph_style(size, **props), text=text)
        (parent if parent is not None else self.doc.text).addElement(p)
        return p

    def hanging(self, text: str, size: float, start_em: float, marker_em: float, parent=None, offset: float = 0,
                **props) -> P:
        """Given text starting at start_em (plus offset cm) whose first marker_em hang, append it, wraps under the text."""
        left = offset + (start_em + marker_em) * size * PT
        return self.para(text, size, parent, marginleft=f"{left:.3f}cm", textindent=f"{-marker_em * size * PT:.3f}cm",
                         **props)

    def a4_layout(self) -> PageLayout:
        """Add the A4 portrait page layout with the letter's margins to the document; return it."""
        layout = PageLayout(name="A4")
        layout.addElement(PageLayoutProperties(pagewidth=f"{PAGE_W}cm", pageheight=f"{PAGE_H}cm",
                                               margintop=f"{MARGIN_TOP}cm", marginbottom=f"{MARGIN_BOTTOM}cm",
                                               marginleft=f"{MARGIN_LEFT}cm", marginright=f"{MARGIN_RIGHT}cm",
                                               printorientation="portrait"))
        self.doc.automaticstyles.addElement(layout)
        return layout

    def pages(self) -> None:
        """Add the A4 page layout, a first-page master and, after it, a master with the title as header."""
        layout = self.a4_layout()
        footer_style = self.paragraph_style(10, automatic=False, textalign="center")
        rest = MasterPage(name="Rest", pagelayoutname=layout)
        first = MasterPage(name="First", pagelayoutname=layout, nextstylename="Rest")
        for master in (first, rest):
            footer = Footer()
            p = P(stylename=footer_style)
            p.addText("第")
            p.addElement(PageNumber(selectpage="current", numformat="1"))
            p.addText("頁 共")
            p.addElement(PageCount(numformat="1"))
            p.addText("頁")
            footer.addElement(p)
            master.addElement(footer)
        if self.letter.header_title:
            header = Header()
            header.addElement(P(stylename=self.title_style(automatic=False), text=self.letter.title))
            rest.addElement(header)
        self.doc.masterstyles.addElement(first)
        self.doc.masterstyles.addElement(rest)

    def title_style(self, automatic: bool = True, master: str | None = None, **para) -> Style:
        letter = self.letter
        para.setdefault("textalign", "center")
        return self.paragraph_style(letter.title_size, automatic=automatic, master=master,
                                    spacing=letter.letter_spacing, **para)

    def graphic_style(self, **props) -> Style:
        style = Style(name=self.name("G"), family="graphic")
        style.addElement(GraphicProperties(**props))
        self.doc.automaticstyles.addElement(style)
        return style

    def binding_line(self) -> None:
        """Draw 裝 訂 線 down the left margin of every page: dashed segments or a column of ┊."""
        chars = {"裝": 7.5, "訂": 14.5, "線": 21.5}  # cm from the top
        box = self.graphic_style(wrap="run-through", runthrough="foreground", stroke="none", fill="none",
                                 verticalpos="from-top", verticalrel="page", horizontalpos="from-left",
                                 horizontalrel="page", padding="0cm", border="none")
        size = 12
        for page in range(1, self.letter.pages + 1):
            if self.letter.binding == "dash":
                rule = self.graphic_style(stroke="dash", strokedash="BindingDash", strokewidth="0.02cm",
                                          strokecolor="#000000", wrap="run-through", runthrough="foreground",
                                          verticalpos="from-top", verticalrel="page", horizontalpos="from-left",
                                          horizontalrel="page")
                edges = [4.0] + [y for c in chars.values() for y in (c - 0.3, c + 0.9)] + [25.5]
                for top, bottom in zip(edges[::2], edges[1::2]):
                    self.doc.text.addElement(Line(anchortype="page", anchorpagenumber=page, stylename=rule,
                                                  x1="1.5cm", y1=f"{top}cm", x2="1.5cm", y2=f"{bottom}cm"))
                for char, top in chars.items():
                    frame = Frame(anchortype="page", anchorpagenumber=page, stylename=box, x="1.28cm", y=f"{top}cm",
                                  width="0.6cm", height="0.6cm")
                    text_box = TextBox()
                    self.para(char, size, text_box)
                    frame.addElement(text_box)
                    self.doc.text.addElement(frame)
            else:
                frame = Frame(anchortype="page", anchorpagenumber=page, stylename=box, x="1.2cm", y="4cm",
                              width="0.7cm", height="21.5cm")
                text_box = TextBox()
                column = []
                for char in chars:
                    column += ["┊"] * 8 + [char]
                for char in column + ["┊"] * 8:
                    self.para(char, 10, text_box, textalign="center", lineheight="0.56cm")
                frame.addElement(text_box)
                self.doc.text.addElement(frame)

    def contact_lines(self, parent) -> None:
        letter = self.letter
        for line in letter.contact:
            self.hanging(line, letter.contact_size, 0, letter.contact_hang, parent)

    def head(self) -> None:
        """Write 檔號 / 保存年限 at the top right, the title with the address block, 受文者 and the field block."""
        letter = self.letter
        right = f"{TEXT_W - 6.2:.2f}cm"
        self.para(f"檔　　號：{letter.file_no}", 12, marginleft=right, master="First")
        self.para(f"保存年限：{letter.retention}", 12, marginleft=right)
        block_h = len(letter.contact) * letter.contact_size * 1.45 * PT + 0.4
        if letter.title_layout == "above":
            self.doc.text.addElement(P(stylename=self.title_style(margintop="0.3cm", marginbottom="0.2cm"),
                                       text=letter.title))
            for line in letter.contact:
                self.hanging(line, letter.contact_size, 0, letter.contact_hang, offset=TEXT_W - letter.contact_width)
        elif letter.title_layout == "frame":
            title_w = TEXT_W - letter.contact_width - 0.3
            title = P(stylename=self.title_style(marginright=f"{letter.contact_width + 0.3:.2f}cm", margintop="0.3cm",
                                                 marginbottom=f"{block_h:.2f}cm"), text=letter.title)
            frame_style = self.graphic_style(wrap="run-through", runthrough="foreground", stroke="none", fill="none",
                                             verticalpos="from-top", verticalrel="paragraph", horizontalpos="from-left",
                                             horizontalrel="page", padding="0cm", border="none")
            frame = Frame(anchortype="paragraph", stylename=frame_style, x=f"{MARGIN_LEFT + title_w + 0.3:.2f}cm",
                          y="0.3cm", width=f"{letter.contact_width:.2f}cm", height=f"{block_h:.2f}cm")
            text_box = TextBox()
            self.contact_lines(text_box)
            frame.addElement(text_box)
            title.addElement(frame)
            self.doc.text.addElement(title)
        else:  # a borderless two-column table: the title left, vertically centred; the block right
            table_style = Style(name=self.name("T"), family="table")
            table_style.addElement(TableProperties(width=f"{TEXT_W}cm", align="left", margintop="0.2cm",
                                                   marginbottom="0.3cm"))
            self.doc.automaticstyles.addElement(table_style)
            table = Table(name="Heading", stylename=table_style)
            for width in (TEXT_W - letter.contact_width, letter.contact_width):
                column = Style(name=self.name("C"), family="table-column")
                column.addElement(TableColumnProperties(columnwidth=f"{width:.2f}cm"))
                self.doc.automaticstyles.addElement(column)
                table.addElement(TableColumn(stylename=column))
            cell_style = Style(name=self.name("D"), family="table-cell")
            cell_style.addElement(TableCellProperties(border="none", padding="0cm", verticalalign="middle"))
            self.doc.automaticstyles.addElement(cell_style)
            row = TableRow()
            left, right_cell = TableCell(stylename=cell_style), TableCell(stylename=cell_style)
            left.addElement(P(stylename=self.title_style(), text=letter.title))
            self.contact_lines(right_cell)
            row.addElement(left)
            row.addElement(right_cell)
            table.addElement(row)
            self.doc.text.addElement(table)
        self.para(letter.recipient, 16, margintop="0.3cm", marginbottom="0.15cm")
        for line in letter.fields:
            self.hanging(line, 12, 0, 3 if line.startswith("附件") else 0)

    def items(self, items: list, size: float, start_em: float) -> None:
        """Write numbered items (and tables) starting at start_em, wrapped lines under each item's text."""
        for entry in items:
            if entry[0] == "table":
                self.table(entry[1], size - 2, start_em * size * PT)
                continue
            marker, text, children = entry
            marker_em = {"、": 2, "）": 3}.get(marker[-1], 2)
            if marker[0].isdigit():
                marker_em = 1.5
            self.hanging(marker + text, size, start_em, marker_em, lineheight=self.letter.line_height)
            self.items(children, size, start_em + marker_em)

    def table(self, rows: list[list[str]], size: float, indent_cm: float) -> None:
        """Write a ruled two-column table indented by indent_cm, its first row a header."""
        width = TEXT_W - indent_cm
        table_style = Style(name=self.name("T"), family="table")
        table_style.addElement(TableProperties(width=f"{width:.2f}cm", marginleft=f"{indent_cm:.2f}cm", align="margins",
                                               margintop="0.1cm", marginbottom="0.15cm"))
        self.doc.automaticstyles.addElement(table_style)
        table = Table(name=self.name("Table"), stylename=table_style)
        for share in (0.45, 0.55):
            column = Style(name=self.name("C"), family="table-column")
            column.addElement(TableColumnProperties(columnwidth=f"{width * share:.2f}cm"))
            self.doc.automaticstyles.addElement(column)
            table.addElement(TableColumn(stylename=column))
        cell_style = Style(name=self.name("D"), family="table-cell")
        cell_style.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.08cm"))
        self.doc.automaticstyles.addElement(cell_style)
        for index, cells in enumerate(rows):
            row = TableRow()
            for text in cells:
                cell = TableCell(stylename=cell_style)
                self.para(text, size, cell, textalign="center" if index == 0 else "start")
                row.addElement(cell)
            table.addElement(row)
        self.doc.text.addElement(table)

    def body(self) -> None:
        """Write 主旨 / 說明 / 辦法 with hanging indents, then 正本 / 副本 and the 署名."""
        letter = self.letter
        size = letter.body_size
        for label, content in letter.body:
            if isinstance(content, str):
                self.hanging(label + content, size, 0, len(label), lineheight=letter.line_height, margintop="0.1cm")
            else:
                self.para(label, size, lineheight=letter.line_height, margintop="0.1cm")
                self.items(content, size, len(label))
        for index, line in enumerate(letter.cc):
            self.hanging(line, 12, 0, 3, margintop="0.4cm" if index == 0 else "0cm")
        if letter.signature:
            self.para(letter.signature, 22, marginleft=f"{TEXT_W / 2:.2f}cm", margintop="1.2cm")

    def odt(self) -> bytes:
        """Return the whole letter as ODT bytes with fixed zip times."""
        self.binding_line()
        self.head()
        self.body()
        raw = io.BytesIO()
        self.doc.write(raw)
        return rezip(zipfile.ZipFile(raw))


def rezip(source: zipfile.ZipFile) -> bytes:
    """Given a zip, return it rewritten with fixed times and dates, mimetype first and stored."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(source.namelist(), key=lambda n: (n != "mimetype", n)):
            data = source.read(name)
            if name == "meta.xml":
                data = re.sub(rb"(<(meta:creation-date|dc:date)>)[^<]*", rb"\g<1>2024-01-02T09:00:00", data)
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, data)
    return out.getvalue()


# ---------- PDF conversion and checks ----------

def convert_all(odts: dict[str, bytes], work: Path) -> dict[str, bytes]:
    """Given ODT bytes by stem, return PDF bytes by stem, from one LibreOffice call with its own profile."""
    sources = []
    for stem, data in odts.items():
        (work / f"{stem}.odt").write_bytes(data)
        sources.append(str(work / f"{stem}.odt"))
    profile = (work / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work / "out"), *sources], check=True, capture_output=True, timeout=600)
    return {stem: (work / "out" / f"{stem}.pdf").read_bytes() for stem in odts}


def written_text(letter: Letter) -> str:
    """Given a letter, return every character this script writes into it (page furniture aside)."""
    parts = [letter.title, f"檔號：{letter.file_no}", f"保存年限：{letter.retention}", *letter.contact,
             letter.recipient, *letter.fields, *letter.cc, letter.signature or ""]

    def walk(items):
        for entry in items:
            if entry[0] == "table":
                parts.extend(cell for row in entry[1] for cell in row)
            else:
                parts.append(entry[0] + entry[1])
                walk(entry[2])

    for label, content in letter.body:
        parts.append(label)
        if isinstance(content, str):
            parts.append(content)
        else:
            walk(content)
    return "".join(parts)


def check_text_layer(letter: Letter, pdf: bytes) -> None:
    """Given a letter and its PDF, stop unless it has the planned pages and its text holds every written character."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    if len(pages) != letter.pages:
        raise SystemExit(f"{letter.stem}: {len(pages)} page(s), planned {letter.pages}")
    have = collections.Counter(re.sub(r"\s", "", "".join(pages)))
    want = collections.Counter(re.sub(r"\s", "", written_text(letter)))
    missing = want - have
    if missing:
        raise SystemExit(f"{letter.stem}: text layer lacks {dict(missing)}")
    for page, text in enumerate(pages, 1):
        if f"第{page}頁共{letter.pages}頁" not in re.sub(r"\s", "", text):
            raise SystemExit(f"{letter.stem}: page {page} has no footer 第{page}頁 共{letter.pages}頁")


def pin(pdf: bytes) -> bytes:
    """Given PDF bytes, return them with creation dates, document ids and checksum fixed (lengths kept)."""
    pdf = re.sub(rb"D:\d{14}[^)]*", lambda m: b"D:20240102090000" + b" " * (len(m.group(0)) - 16), pdf)
    return re.sub(rb"/(?:ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]|DocChecksum /[0-9A-F]+)",
                  lambda m: re.sub(rb"[0-9A-Fa-f]{8,}", lambda h: b"0" * len(h.group(0)), m.group(0)), pdf)


def main() -> None:
    if not shutil.which("soffice"):
        raise SystemExit("make_pdfs.py needs LibreOffice (soffice), fonts-noto-cjk and fonts-arphic-ukai")
    odts = {letter.stem: Builder(letter).odt() for letter in LETTERS}
    with tempfile.TemporaryDirectory(prefix="unseen-pdf-") as tmp:
        pdfs = convert_all(odts, Path(tmp))
    for letter in LETTERS:
        check_text_layer(letter, pdfs[letter.stem])
    for letter in LETTERS:
        path = HERE / f"{letter.stem}.pdf"
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(pin(pdfs[letter.stem]))
        os.replace(tmp, path)
        print(f"{path.relative_to(HERE.parent.parent.parent)}  {path.stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
