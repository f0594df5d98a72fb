"""Make the unseen6 corpus: eight fictitious 函 / 書函 in layouts unseen5 did not use, as PDFs and as three tools read them.

The letters reuse unseen5's Letter and Builder (odfpy ODT in 函 layout, one LibreOffice call, pinned PDFs, a
check that the text layer holds every written character); this script adds head layouts of its own:

- contact_table: 地址 / 承辦人 / 電話 / 傳真 / 電子信箱 as a borderless two-column table (label | value) beside the title;
- file_no_table: 檔號 / 保存年限 in a small ruled table at the top right;
- recipient_first: 受文者 printed under the title, before the address block.

Each PDF is read by three extractors, written beside it as <stem>.<tool>.txt:

- pdfplumber: ``page.extract_text()`` with default settings, pages joined with "\\n";
- pdfplumber-layout: ``page.extract_text(layout=True)``, pages joined with "\\n";
- pypdfium2: ``page.get_textpage().get_text_range()``, pages joined with "\\n".

    .venv/bin/python tests/data/unseen6/make_texts.py   # needs soffice, fonts-noto-cjk, fonts-arphic-ukai

The expected records (<stem>.json, one per letter, valid for all three texts) are written by hand.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from corpus_scripts import load_script  # noqa: E402


unseen5 = load_script("unseen5_make", "unseen5/make_texts.py")
base = unseen5.base

from odf.style import Style, TableCellProperties, TableColumnProperties, TableProperties  # noqa: E402
from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow  # noqa: E402

KAI, SANS, SERIF = base.KAI, base.SANS, base.SERIF
TOOLS = ("pdfplumber", "pdfplumber-layout", "pypdfium2")


@dataclass
class Letter(unseen5.Letter):
    """An unseen5 letter with a head layout: standard, contact_table, file_no_table or recipient_first."""
    head_layout: str = "standard"


class Builder(unseen5.Builder):
    """The unseen5 Builder with the head layouts of this corpus."""

    def table_of(self, widths: list[float], border: str, master: str | None = None, **props) -> Table:
        """Given column widths (cm), a cell border and table properties, return an empty table with its columns."""
        style = Style(name=self.name("T"), family="table", **({"masterpagename": master} if master else {}))
        style.addElement(TableProperties(width=f"{sum(widths):.2f}cm", **props))
        self.doc.automaticstyles.addElement(style)
        table = Table(name=self.name("Table"), stylename=style)
        for width in widths:
            column = Style(name=self.name("C"), family="table-column")
            column.addElement(TableColumnProperties(columnwidth=f"{width:.2f}cm"))
            self.doc.automaticstyles.addElement(column)
            table.addElement(TableColumn(stylename=column))
        self.cell_style = Style(name=self.name("D"), family="table-cell")
        self.cell_style.addElement(TableCellProperties(border=border, padding="0.05cm", verticalalign="middle"))
        self.doc.automaticstyles.addElement(self.cell_style)
        return table

    def file_numbers(self) -> None:
        """Write 檔號 and 保存年限: two lines at the top right, or a small ruled table there."""
        letter = self.letter
        if letter.head_layout != "file_no_table":
            right = f"{base.TEXT_W - 6.2:.2f}cm"
            self.para(f"檔　　號：{letter.file_no}", 12, marginleft=right, master="First")
            self.para(f"保存年限：{letter.retention}", 12, marginleft=right)
            return
        table = self.table_of([2.4, 3.6], "0.5pt solid #000000", master="First", align="right")
        for label, value in (("檔號：", letter.file_no), ("保存年限：", letter.retention)):
            row = TableRow()
            for text in (label, value):
                cell = TableCell(stylename=self.cell_style)
                self.para(text, 11, cell)
                row.addElement(cell)
            table.addElement(row)
        self.doc.text.addElement(table)

    def title(self) -> None:
        """Write the centred title on a line of its own."""
        self.doc.text.addElement(base.P(stylename=self.title_style(margintop="0.3cm", marginbottom="0.2cm"),
                                        text=self.letter.title))

    def address_block(self) -> None:
        """Write the 地址 … 電子信箱 lines on the right half."""
        letter = self.letter
        for line in letter.contact:
            self.hanging(line, letter.contact_size, 0, letter.contact_hang, offset=base.TEXT_W - letter.contact_width)

    def contact_table(self) -> None:
        """Write the title in a cell spanning every row, beside a label | value row for each contact line."""
        letter = self.letter
        label_w = 2.6
        title_w = base.TEXT_W - letter.contact_width
        table = self.table_of([title_w, label_w, letter.contact_width - label_w], "none", align="left",
                              margintop="0.2cm", marginbottom="0.3cm")
        for index, line in enumerate(letter.contact):
            label, value = line.split("：", 1)
            row = TableRow()
            if index == 0:
                cell = TableCell(stylename=self.cell_style, numberrowsspanned=len(letter.contact))
                cell.addElement(base.P(stylename=self.title_style(), text=letter.title))
                row.addElement(cell)
            else:
                row.addElement(CoveredTableCell())
            for text in (label + "：", value):
                cell = TableCell(stylename=self.cell_style)
                self.para(text, letter.contact_size, cell)
                row.addElement(cell)
            table.addElement(row)
        self.doc.text.addElement(table)

    def head(self) -> None:
        """Write 檔號 / 保存年限, the title with the address block, 受文者 and the field block, in this letter's layout."""
        letter = self.letter
        if letter.head_layout == "standard":
            return super().head()
        self.file_numbers()
        recipient = lambda: self.para(letter.recipient, 16, margintop="0.3cm", marginbottom="0.15cm")  # noqa: E731
        if letter.head_layout == "contact_table":
            self.contact_table()
            recipient()
        elif letter.head_layout == "recipient_first":
            self.title()
            recipient()
            self.address_block()
        else:
            self.title()
            self.address_block()
            recipient()
        for line in letter.fields:
            self.hanging(line, 12, 0, 3 if line.startswith("附件") else 0)


LETTERS = [
    Letter(
        stem="taipei-pwd-contact-table",
        font=SANS, pages=1, line_height="100%", title="臺北市政府工務局　函", head_layout="contact_table",
        contact_size=11, contact_width=8.4,
        file_no="113/0304/5", retention="5年",
        contact=["地址：110204臺北市信義區市府路1號", "承辦人：林俊宏", "電話：(02)2720-8889分機3456",
                 "傳真：(02)2723-1234", "電子信箱：lin.jh@mail.taipei.gov.tw"],
        recipient="受文者：臺北市信義區公所",
        fields=["發文日期：中華民國113年11月18日", "發文字號：北市工新字第1133045678號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "本局訂於113年12月2日起辦理信義區松仁路人行道改善工程，請貴所協助轉知轄內里辦公處，請查照。"),
            ("說明：", [
                ("一、", "依據本局113年度人行環境改善計畫辦理。", []),
                ("二、", "施工期間自113年12月2日起至114年1月31日止，共61天，施工期間將採半半施工方式維持行人通行。", []),
                ("三、", "如有疑義，請洽本局新建工程處林俊宏先生。", []),
            ]),
        ],
        cc=["正本：臺北市信義區公所", "副本：本局新建工程處、臺北市政府警察局信義分局"],
        signature="局長　李○○",
    ),
    Letter(
        stem="hpa-file-no-table",
        font=KAI, pages=1, title="衛生福利部國民健康署　函", head_layout="file_no_table",
        file_no="113/050301/2", retention="10年",
        contact=["地址：103205臺北市大同區塔城街36號", "承辦人：陳怡如", "電話：(02)2522-0888分機612",
                 "傳真：(02)2522-0611", "電子信箱：yiju@hpa.gov.tw"],
        recipient="受文者：臺北市政府衛生局",
        fields=["發文日期：中華民國113年8月5日", "發文字號：國健癌字第1130460123號", "速別：速件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "請貴局加強推動轄內45歲至74歲民眾大腸癌篩檢，並於113年9月30日前回報執行情形，請查照。"),
            ("說明：", [
                ("一、", "依據「癌症防治法」第9條規定辦理。", []),
                ("二、", "依本署113年上半年統計，貴轄大腸癌篩檢率較全國平均低3.2個百分點，請研擬提升策略。", []),
            ]),
        ],
        cc=["正本：臺北市政府衛生局", "副本：本署癌症防治組"],
        signature="署長　吳○○",
    ),
    Letter(
        stem="freeway-recipient-first",
        font=SERIF, pages=1, line_height="100%", title="交通部高速公路局　函", head_layout="recipient_first",
        binding="dots",
        file_no="113/070401/6", retention="3年",
        contact=["地址：243303新北市泰山區黎明里半山雅70號", "承辦人：張家瑋", "電話：(02)2909-6141轉2381",
                 "傳真：(02)2909-6123", "電子信箱：changcw@freeway.gov.tw"],
        recipient="受文者：新北市泰山區公所",
        fields=["發文日期：中華民國113年10月21日", "發文字號：路規字第1130034512號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "貴所建議於國道1號泰山收費站附近增設隔音牆一案，復請查照。"),
            ("說明：", [
                ("一、", "復貴所113年10月7日新北泰工字第1132345678號函。", []),
                ("二、", "本局已於113年10月15日派員會勘，經量測該路段夜間噪音值符合管制標準，目前尚無增設隔音牆之需要。", []),
                ("三、", "本局將持續監測該路段噪音變化，如有超標將優先列入改善計畫。", []),
            ]),
        ],
        cc=["正本：新北市泰山區公所", "副本：本局北區養護工程分局"],
        signature="局長　趙○○",
    ),
    Letter(
        stem="customs-long-subject-deep",
        font=KAI, pages=2, title="財政部關務署　函", header_title=True,
        file_no="113/020203/1", retention="10年",
        contact=["地址：100205臺北市中正區愛國西路2號", "承辦人：黃士庭", "電話：(02)2550-5500分機2031",
                 "傳真：(02)2550-8111", "電子信箱：hstin@customs.gov.tw"],
        recipient="受文者：財政部關務署基隆關",
        fields=["發文日期：中華民國113年6月24日", "發文字號：台關業字第1131012345號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "為因應跨境電子商務包裹進口數量增加，並落實邊境管理與查緝走私毒品、仿冒品及違禁物品之目標，"
                      "請各關自113年7月1日起依說明事項加強快遞貨物通關之審核、查驗及風險管理作業，"
                      "並按月彙整執行成果函報本署，請查照。"),
            ("說明：", [
                ("一、", "依據財政部113年6月14日台財關字第1131012000號函辦理。", []),
                ("二、", "快遞貨物通關應加強審核事項如下：", [
                    ("（一）", "申報資料審核：", [
                        ("1.", "核對收貨人身分資料與實名認證結果是否相符。", []),
                        ("2.", "同一收貨人半年內進口次數逾6次者，列為高風險對象。", []),
                    ]),
                    ("（二）", "貨物價格審核：對低報價格之貨物，應依關稅法第29條規定核估完稅價格。", []),
                ]),
                ("三、", "各關應加強查驗作業：", [
                    ("（一）", "高風險貨物應以X光儀器全數檢查。", []),
                    ("（二）", "疑似毒品或違禁物品者，應會同檢警單位開箱查驗：", [
                        ("1.", "查獲毒品時，應即移送檢察機關偵辦。", []),
                        ("2.", "查獲仿冒品時，應通知權利人到場確認。", []),
                    ]),
                ]),
                ("四、", "快遞業者應於貨物抵達前2小時傳輸艙單資料，逾時者依規定處罰。", []),
                ("五、", "各關應每月召開風險管理會議，檢討查緝成效。", []),
                ("六、", "執行期間自113年7月1日起至113年12月31日止，共184天。", []),
                ("七、", "各關應於每月10日前將前1月執行成果函報本署，並副知本署查緝組。", []),
                ("八、", "本案聯絡人：本署業務組黃士庭先生，電話：(02)2550-5500分機2031。", []),
            ]),
        ],
        cc=["正本：財政部關務署基隆關、財政部關務署臺北關、財政部關務署臺中關、財政部關務署高雄關",
            "副本：本署查緝組、本署業務組"],
        signature="署長　彭○○",
    ),
    Letter(
        stem="cpc-shuhan-district",
        font=SANS, pages=1, line_height="100%", title="台灣中油股份有限公司　書函", title_layout="frame",
        title_size=18, contact_size=11, contact_width=6.6, contact_hang=5,
        file_no="", retention="",
        contact=["地址：110207臺北市信義區松仁路3號", "聯絡人：蔡宗霖", "聯絡電話：(02)8789-8989分機7716",
                 "傳真：(02)8789-9123", "電子信箱：tsl123@cpc.com.tw"],
        recipient="受文者：高雄市楠梓區公所",
        fields=["發文日期：中華民國113年9月2日", "發文字號：油安字第11310045670號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件："],
        body=[
            ("主旨：", "本公司訂自113年9月23日起至113年9月27日止辦理楠梓地區輸油管線年度檢測，"
                      "請貴所協助轉知轄內里辦公處及民眾，請查照。"),
            ("說明：", [
                ("一、", "復貴所113年8月20日高市楠區民字第11331234500號函。", []),
                ("二、", "檢測期間將於管線沿線設置警示標誌，並派員24小時巡查，如有異常請撥打本公司緊急專線0800-012-345。", []),
            ]),
        ],
        cc=["正本：高雄市楠梓區公所", "副本：本公司煉製事業部、本公司工業安全衛生處"],
        signature=None,
    ),
    Letter(
        stem="penghu-cc-twelve",
        font=KAI, pages=1, title="澎 湖 縣 政 府  函",
        file_no="113/100201/8", retention="5年",
        contact=["地址：880208澎湖縣馬公市治平路32號", "承辦人：許雅芳", "電話：06-9274400轉325",
                 "傳真：06-9261234", "電子信箱：hsuyf@mail.penghu.gov.tw"],
        recipient="受文者：如正副本行文單位",
        fields=["發文日期：中華民國113年11月11日", "發文字號：府民宗字第1130078901號", "速別：普通件",
                "密等及解密條件或保密期限：", "附件：澎湖縣114年度宗教團體輔導計畫1份"],
        body=[
            ("主旨：", "檢送「澎湖縣114年度宗教團體輔導計畫」1份，請依計畫辦理，請查照。"),
            ("說明：", [
                ("一、", "依據內政部113年10月28日台內民字第1130123456號函辦理。", []),
                ("二、", "請各單位於114年1月15日前指派聯絡窗口1人，並將名單函送本府民政處。", []),
            ]),
        ],
        cc=["正本：澎湖縣馬公市公所（含附件）、澎湖縣湖西鄉公所、澎湖縣白沙鄉公所、澎湖縣西嶼鄉公所、"
            "澎湖縣望安鄉公所、澎湖縣七美鄉公所、澎湖縣警察局（含附件）、本府消防局、本府衛生局、"
            "本府文化局、本府社會處、本府主計處",
            "副本：本府民政處（含附件）"],
        signature="縣長　陳○○",
    ),
    Letter(
        stem="correction-three-files",
        font=SERIF, pages=1, line_height="100%", title="法務部矯正署　函", binding="dots",
        file_no="113/040102/9", retention="3年",
        contact=["地址：330054桃園市桃園區延平路152號", "承辦人：鄭美玲", "電話：03-3311234分機455",
                 "傳真：03-3319876", "電子信箱：mlcheng@mail.moj.gov.tw"],
        recipient="受文者：法務部矯正署臺北監獄",
        fields=["發文日期：中華民國113年5月27日", "發文字號：法矯署教字第11301567890號", "速別：速件",
                "密等及解密條件或保密期限：",
                "附件：A03010000H11301567890_1_ATTACH1.odt、A03010000H11301567890_1_ATTACH2.pdf、"
                "A03010000H11301567890_1_ATTACH3.pdf"],
        body=[
            ("主旨：", "檢送本署113年度收容人技能訓練計畫、報名表及場地配置圖各1份，請依計畫辦理報名，請查照。"),
            ("說明：", [
                ("一、", "依據「監獄行刑法」第37條規定辦理。", []),
                ("二、", "報名期間自113年6月3日起至113年6月14日止，共12天，請於期限內將報名表送本署教化科。", []),
            ]),
        ],
        cc=["正本：法務部矯正署臺北監獄、法務部矯正署桃園監獄", "副本：本署教化科（含附件）"],
        signature="署長　林○○",
    ),
    Letter(
        stem="aphia-secret-fastest",
        font=SANS, pages=1, line_height="100%", title="農業部動植物防疫檢疫署　函", title_layout="table",
        title_size=17, contact_size=11, contact_width=7.4,
        file_no="113/060302/4", retention="25年",
        contact=["地址：100060臺北市中正區和平西路2段100號", "承辦人：李宛蓉", "電話：(02)2343-1401",
                 "傳真：(02)2332-2201", "電子信箱：wanjung@aphia.gov.tw"],
        recipient="受文者：屏東縣動物防疫所",
        fields=["發文日期：中華民國113年12月16日", "發文字號：防檢一字第1131478901號", "速別：最速件",
                "密等及解密條件或保密期限：密，疫情解除公告後解密", "附件："],
        body=[
            ("主旨：", "轄內某養豬場疑似發生非洲豬瘟疫情，請貴所立即派員執行移動管制及採樣送檢，請查照。"),
            ("說明：", [
                ("一、", "依據「動物傳染病防治條例」第13條規定辦理。", []),
                ("二、", "本案在檢驗結果確定前，請勿對外發布任何訊息，相關資料請依機密文書規定辦理。", []),
                ("三、", "採樣檢體請於113年12月17日中午12時前送達本署動物檢疫組。", []),
            ]),
        ],
        cc=["正本：屏東縣動物防疫所", "副本：屏東縣政府、本署動物檢疫組"],
        signature="署長　杜○○",
    ),
]


def extract_pdfplumber(path: Path, **options) -> str:
    """Given a PDF and extract_text options, return pdfplumber's text of each page, joined with a new line."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text(**options) for page in pdf.pages)


def extract_pypdfium2(path: Path) -> str:
    """Given a PDF, return pypdfium2's get_text_range of each page, joined with a new line."""
    return "\n".join(unseen5.pdf_pages(path.read_bytes()))


def texts_of(path: Path) -> dict[str, str]:
    """Given a PDF, return its text by tool name."""
    return {"pdfplumber": extract_pdfplumber(path), "pdfplumber-layout": extract_pdfplumber(path, layout=True),
            "pypdfium2": extract_pypdfium2(path)}


def main() -> None:
    unseen5.build_corpus(HERE, LETTERS, Builder, texts_of, ("soffice",))


if __name__ == "__main__":
    main()
