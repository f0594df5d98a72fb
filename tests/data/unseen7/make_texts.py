"""Make the unseen7 corpus: eight fictitious 函 / 書函 of the 民國89–101 era (2000–2012), as PDFs and as two tools read them.

The letters reuse unseen5's Letter and Builder (odfpy ODT in 函 layout, one LibreOffice call, pinned PDFs, a
check that the text layer holds every written character); what is new is the era's wording: 發文字號 with a
leading-zero year (「府教學字第0990012345號」), 發文日期 in Chinese numerals (「中華民國九十九年三月五日」), 「台」
for 「臺」, 速別 「普通件」, 「密等及解密條件或保密期限：普通」, 電話 with the area code in brackets and 轉 for the
extension, two letters without 電子信箱, citations of 函 / 書函 / 令 / 公告 / 開會通知單 (some of 88年 and 八十九年,
with their older 7- and 8-digit numbers) and 署名 such as 「局長　○○○」.

Each PDF is read by two extractors, written beside it as <stem>.<tool>.txt:

- pdfplumber: ``page.extract_text()`` with default settings, pages joined with "\\n";
- pdftotext-layout: poppler's ``pdftotext -layout`` (form feed between pages).

    .venv/bin/python tests/data/unseen7/make_texts.py   # needs soffice, fonts-noto-cjk, fonts-arphic-ukai, poppler-utils

The expected records (<stem>.json, one per letter, valid for both texts) are written by hand.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from corpus_scripts import load_script  # noqa: E402


unseen5 = load_script("unseen5_make", "unseen5/make_texts.py")
base = unseen5.base
Letter, Builder = unseen5.Letter, unseen5.Builder
KAI, SANS, SERIF = base.KAI, base.SANS, base.SERIF
TOOLS = ("pdfplumber", "pdftotext-layout")
PLAIN = "密等及解密條件或保密期限：普通"

LETTERS = [
    Letter(
        stem="taichung-county-edu-099",
        font=KAI, pages=1, title="台中縣政府　函",
        file_no="099/0502/3", retention="5年",
        contact=["地址：420台中縣豐原市陽明街36號", "承辦人：林淑惠", "電話：(04)25263100轉3512",
                 "傳真：(04)25273954", "電子信箱：shlin@mail.taichung.gov.tw"],
        recipient="受文者：台中縣立豐原國民中學",
        fields=["發文日期：中華民國99年3月5日", "發文字號：府教學字第0990012345號", "速別：普通件", PLAIN,
                "附件："],
        body=[
            ("主旨：", "請貴校依規定辦理99學年度校外教學活動安全檢查，並於99年3月31日前將檢查結果報府，請查照。"),
            ("說明：", [
                ("一、", "依據教育部99年2月10日台國字第0990021234號函辦理。", []),
                ("二、", "請依本府89年5月2日府教學字第89012345號函訂定之「台中縣國民中小學校外教學實施要點」確實辦理。", []),
                ("三、", "檢查項目包括遊覽車車齡、駕駛資格及保險證明，請確實查核。", []),
            ]),
        ],
        cc=["正本：台中縣立豐原國民中學", "副本：本府教育處學管科"],
        signature="縣長　黃○○",
    ),
    Letter(
        stem="cpami-chinese-date-order",
        font=SERIF, pages=1, line_height="100%", title="內政部營建署　函", binding="dots",
        file_no="098/0304/12", retention="10年",
        contact=["地址：105台北市松山區八德路2段342號", "承辦人：陳建志", "電話：(02)87712345"],
        recipient="受文者：台北縣政府工務局",
        fields=["發文日期：中華民國九十八年十一月二十日", "發文字號：營署建管字第0980087654號", "速別：普通件", PLAIN,
                "附件："],
        body=[
            ("主旨：", "有關建築物公共安全檢查申報之執行疑義，請依說明辦理，請查照。"),
            ("說明：", [
                ("一、", "依據內政部98年10月30日台內營字第0980812345號令辦理。", []),
                ("二、", "本署九十八年十一月二日營署建管字第0980076543號開會通知單所召開會議之結論，請一併參照。", []),
            ]),
        ],
        cc=["正本：台北縣政府工務局、桃園縣政府", "副本：本署建築管理組"],
        signature="署長　○○○",
    ),
    Letter(
        stem="doh-shuhan-88-notice",
        font=SANS, pages=1, line_height="100%", title="行政院衛生署　書函",
        file_no="", retention="",
        contact=["地址：10341台北市大同區塔城街36號", "聯絡人：張美玲", "聯絡電話：(02)85906666轉7123",
                 "傳真：(02)85906041", "電子信箱：mlchang@doh.gov.tw"],
        recipient="受文者：中華民國醫師公會全國聯合會",
        fields=["發文日期：中華民國99年7月14日", "發文字號：衛署醫字第0990201234號", "速別：普通件", PLAIN,
                "附件："],
        body=[
            ("主旨：", "貴會建議修正醫師執業登記規定一案，復請查照。"),
            ("說明：", [
                ("一、", "復貴會99年6月28日全醫聯字第0990000456號函。", []),
                ("二、", "醫師執業登記仍依本署88年7月1日衛署醫字第88045678號公告辦理，所請礙難同意。", []),
            ]),
        ],
        cc=["正本：中華民國醫師公會全國聯合會", "副本：本署醫事處"],
        signature=None,
    ),
    Letter(
        stem="taipei-county-social-year",
        font=KAI, pages=1, title="台 北 縣 政 府  函",
        file_no="098/1102/7", retention="3年",
        contact=["地址：22001台北縣板橋市中山路1段161號", "承辦人：吳佩珊", "電話：(02)29603456轉8512",
                 "傳真：(02)29690123", "電子信箱：ab1234@ms.tpc.gov.tw"],
        recipient="受文者：台北縣板橋市公所",
        fields=["發文日期：中華民國九十八年十二月三日", "發文字號：北府社老字第0981234567號", "速別：普通件", PLAIN,
                "附件：台北縣99年度老人健康檢查計畫1份"],
        body=[
            ("主旨：", "檢送「台北縣99年度老人健康檢查計畫」1份，請轉知轄內各里辦公處，請查照。"),
            ("說明：", [
                ("一、", "依據內政部98年11月20日內授中社字第0980712345號函辦理。", []),
                ("二、", "本計畫實施期間自99年1月1日起至99年12月31日止。", []),
                ("三、", "本計畫自內政部八十九年二月十日台（89）內社字第8904567號函核定以來逐年辦理。", []),
            ]),
        ],
        cc=["正本：台北縣板橋市公所（含附件）", "副本：本府社會局老人福利科"],
        signature="縣長　周○○",
    ),
    Letter(
        stem="zhushan-township-no-email",
        font=SERIF, pages=1, line_height="100%", title="南投縣竹山鎮公所　函", binding="dots",
        file_no="099/0401/1", retention="3年",
        contact=["地址：557南投縣竹山鎮竹山路2號", "承辦人：曾俊雄", "電話：(049)2642106轉123",
                 "傳真：(049)2643456"],
        recipient="受文者：南投縣竹山鎮各里辦公處",
        fields=["發文日期：中華民國99年4月12日", "發文字號：竹鎮民字第0990005678號", "速別：普通件", PLAIN,
                "附件："],
        body=[
            ("主旨：", "本所訂於99年5月辦理全鎮環境清潔週活動，請各里配合辦理，請查照。"),
            ("說明：", [
                ("一、", "依據南投縣政府99年3月31日府民行字第0990061234號函辦理。", []),
                ("二、", "活動期間自99年5月1日起至99年5月31日止，共31天。", []),
            ]),
        ],
        cc=["正本：南投縣竹山鎮各里辦公處", "副本：南投縣政府、本所清潔隊"],
        signature="鎮長　○○○",
    ),
    Letter(
        stem="kaohsiung-county-police-chief",
        font=KAI, pages=1, title="高雄縣政府警察局　函",
        file_no="099/0103/2", retention="5年",
        contact=["地址：830高雄縣鳳山市光復路2段130號", "承辦人：李志明", "電話：(07)7462201轉3310",
                 "傳真：(07)7410123", "電子信箱：police123@kscg.gov.tw"],
        recipient="受文者：高雄縣政府警察局鳳山分局",
        fields=["發文日期：中華民國九十九年一月八日", "發文字號：高縣警行字第0990001234號", "速別：普通件", PLAIN,
                "附件："],
        body=[
            ("主旨：", "請加強春節期間轄區治安維護工作，請查照。"),
            ("說明：", [
                ("一、", "依據內政部警政署98年12月24日警署行字第0980178901號函辦理。", []),
                ("二、", "並請參照本局98年12月1日高縣警行字第0980098765號書函辦理。", []),
            ]),
        ],
        cc=["正本：本局各分局", "副本：本局行政科"],
        signature="局長　○○○",
    ),
    Letter(
        stem="epa-year-101-notice",
        font=SANS, pages=1, line_height="100%", title="行政院環境保護署　函",
        file_no="101/0201/5", retention="10年",
        contact=["地址：10042台北市中正區中華路1段83號", "承辦人：黃文傑", "電話：(02)23117722轉2610",
                 "傳真：(02)23754321", "電子信箱：wjhuang@epa.gov.tw"],
        recipient="受文者：台南市政府環境保護局",
        fields=["發文日期：中華民國101年2月6日", "發文字號：環署廢字第1010009876號", "速別：普通件", PLAIN,
                "附件："],
        body=[
            ("主旨：", "請貴局依本署公告加強事業廢棄物清理之稽查，請查照。"),
            ("說明：", [
                ("一、", "依據本署100年12月28日環署廢字第1000112345號公告辦理。", []),
                ("二、", "請於101年3月31日前將稽查結果函報本署。", []),
            ]),
        ],
        cc=["正本：台南市政府環境保護局", "副本：本署廢棄物管理處"],
        signature="署長　沈○○",
    ),
    Letter(
        stem="forestry-bureau-meeting",
        font=SERIF, pages=1, line_height="100%", title="行政院農業委員會林務局　函", binding="dots",
        file_no="099/0305/4", retention="5年",
        contact=["地址：10050台北市中正區杭州南路1段2號", "承辦人：王淑芬", "電話：(02)23515441轉621"],
        recipient="受文者：台東縣延平鄉公所",
        fields=["發文日期：中華民國九十九年十月二十日", "發文字號：林造字第0991612345號", "速別：普通件", PLAIN,
                "附件："],
        body=[
            ("主旨：", "檢送本局平地造林輔導會議紀錄，請查照。"),
            ("說明：", [
                ("一、", "依據行政院農業委員會99年9月30日農林務字第0991700123號函辦理。", []),
                ("二、", "本局九十九年十月四日林造字第0991611111號開會通知單所定會議已於99年10月12日召開。", []),
            ]),
        ],
        cc=["正本：台東縣延平鄉公所", "副本：本局台東林區管理處"],
        signature="局長　○○○",
    ),
]


def texts_of(path: Path) -> dict[str, str]:
    """Given a PDF, return its text by tool name."""
    return {"pdfplumber": unseen5.extract_pdfplumber(path),
            "pdftotext-layout": unseen5.extract_pdftotext(path, "-layout")}


def main() -> None:
    unseen5.build_corpus(HERE, LETTERS, Builder, texts_of, ("soffice", "pdftotext"))


if __name__ == "__main__":
    main()
