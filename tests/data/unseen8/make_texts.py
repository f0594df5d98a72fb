"""Make the unseen8 corpus: eight fictitious 函 of 民國112–114 of the kinds a school or township clerk receives most.

The letters reuse unseen5's Letter and Builder (odfpy ODT in 函 layout, one LibreOffice call, pinned PDFs, a
check that the text layer holds every written character): a 縣政府教育處 letter to all schools, a 國民小學
replying upward (鈞處, 請鑒核), a 鄉公所 letter to 村辦公處 with 辦法, a 警察局分局 letter, a 衛生所 letter, a
直轄市 區公所 letter whose 說明 of 6 items with (一)(二) children runs onto page 2, a 農田水利署 管理處 letter
whose stated day count is wrong, and a second 2-page letter; 附件 as exchange file names, 「如文」 and titles
with counts; 速別 and 密等 varied; 正本/副本 with (含附件) and 「、」; 署名 with and without.

Each PDF is read by two extractors, written beside it as <stem>.<tool>.txt:

- pdfplumber: ``page.extract_text()`` with default settings, pages joined with "\\n";
- pypdfium2: ``page.get_textpage().get_text_range()``, pages joined with "\\n".

    .venv/bin/python tests/data/unseen8/make_texts.py   # needs soffice, fonts-noto-cjk, fonts-arphic-ukai

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
SECRECY = "密等及解密條件或保密期限："

LETTERS = [
    Letter(
        stem="yilan-edu-all-schools",
        font=KAI, pages=1, title="宜蘭縣政府　函",
        file_no="113/050301/2", retention="5年",
        contact=["地址：260007宜蘭縣宜蘭市縣政北路1號", "承辦人：游雅婷", "電話：(03)9251000分機2531",
                 "傳真：(03)9251234", "電子信箱：yating@mail.e-land.gov.tw"],
        recipient="受文者：本縣各公私立國民中小學",
        fields=["發文日期：中華民國113年9月10日", "發文字號：府教學字第1130154321號", "速別：速件", SECRECY,
                "附件：113學年度校園防災演練實施計畫（376420000A1130154321_1_ATTACH1.pdf）"],
        body=[
            ("主旨：", "檢送「113學年度校園防災演練實施計畫」1份，請各校依計畫辦理，請查照。"),
            ("說明：", [
                ("一、", "依據教育部113年8月20日臺教國署學字第1130112233號函辦理。", []),
                ("二、", "請各校於113年9月21日國家防災日前完成演練，並於113年10月4日前上網填報成果。", []),
            ]),
        ],
        cc=["正本：本縣各公私立國民中小學", "副本：本府教育處學務管理科（含附件）"],
        signature="縣長　林○○",
    ),
    Letter(
        stem="magong-zhongzheng-upward",
        font=SERIF, pages=1, line_height="100%", title="澎湖縣馬公市中正國民小學　函", binding="dots",
        file_no="", retention="",
        contact=["地址：880005澎湖縣馬公市中正路1號", "承辦人：蔡志豪", "電話：(06)9272345分機12",
                 "傳真：(06)9271234", "電子信箱：zzps@mail.phc.edu.tw"],
        recipient="受文者：澎湖縣政府教育處",
        fields=["發文日期：中華民國112年12月18日", "發文字號：馬中小總字第1120000789號", "速別：普通件", SECRECY,
                "附件：經費收支結算表1份、成果照片6張"],
        body=[
            ("主旨：", "檢陳本校112年度閱讀推廣計畫成果報告及經費收支結算表，請鑒核。"),
            ("說明：", [
                ("一、", "依據鈞處112年3月2日澎教學字第1120012345號函辦理。", []),
                ("二、", "本案核定補助經費新臺幣3萬元整，實支3萬元，無賸餘款。", []),
            ]),
        ],
        cc=["正本：澎湖縣政府教育處", "副本：本校教務處"],
        signature="校長　洪○○",
    ),
    Letter(
        stem="chishang-township-villages",
        font=KAI, pages=1, title="臺東縣池上鄉公所　函",
        file_no="114/020101/1", retention="3年",
        contact=["地址：958001臺東縣池上鄉中山路101號", "承辦人：陳素琴", "電話：089-862041分機205",
                 "傳真：089-863210", "電子信箱：suchin@chishang.gov.tw"],
        recipient="受文者：本鄉各村辦公處",
        fields=["發文日期：中華民國114年2月17日", "發文字號：池鄉民字第1140002345號", "速別：普通件", SECRECY,
                "附件：如文"],
        body=[
            ("主旨：", "為辦理本鄉114年度村長聯繫會報，請各村長準時出席，請查照。"),
            ("辦法：", [
                ("一、", "時間：114年3月5日上午9時30分。", []),
                ("二、", "地點：本所3樓禮堂。", []),
                ("三、", "請各村於114年2月26日前將提案送本所民政課彙整。", []),
            ]),
        ],
        cc=["正本：本鄉各村辦公處", "副本：臺東縣政府民政處、本所民政課"],
        signature="鄉長　○○○",
    ),
    Letter(
        stem="zhubei-precinct-secret",
        font=SANS, pages=1, line_height="100%", title="新竹縣政府警察局竹北分局　函",
        file_no="113/030202/5", retention="10年",
        contact=["地址：302047新竹縣竹北市光明六路68號", "聯絡人：彭建華", "聯絡電話：(03)5552010",
                 "傳真：(03)5558765", "電子信箱：pch@hchpb.gov.tw"],
        recipient="受文者：新竹縣竹北市公所",
        fields=["發文日期：中華民國113年11月5日", "發文字號：竹縣北警防字第1130031234號", "速別：最速件",
                SECRECY + "密（本件於活動結束後解密）", "附件："],
        body=[
            ("主旨：", "請貴所於113年11月16日竹北市民運動會期間協助管制會場周邊交通，請查照。"),
            ("說明：", [
                ("一、", "復貴所113年10月28日竹北市民字第1130054321號函。", []),
                ("二、", "本分局將派員於光明六路及縣政九路口執行交通疏導。", []),
            ]),
        ],
        cc=["正本：新竹縣竹北市公所", "副本：新竹縣政府警察局交通隊、本分局交通組"],
        signature=None,
    ),
    Letter(
        stem="toufen-health-station",
        font=SERIF, pages=1, line_height="100%", title="苗栗縣頭份市衛生所　函", binding="dots",
        file_no="", retention="",
        contact=["地址：351019苗栗縣頭份市中正路362號", "承辦人：劉怡君", "電話：037-663052分機21",
                 "傳真：037-661234", "電子信箱：ichun@mlhb.gov.tw"],
        recipient="受文者：頭份市各國民小學",
        fields=["發文日期：中華民國112年9月25日", "發文字號：頭衛字第1120003456號", "速別：速件", SECRECY,
                "附件：接種通知單及說明書（376480200E1120003456_1_ATTACH1.pdf、376480200E1120003456_1_ATTACH2.pdf）"],
        body=[
            ("主旨：", "本所訂於112年10月辦理國小學童流感疫苗校園接種，請轉發接種通知單予學生家長，請查照。"),
            ("說明：", [
                ("一、", "依據苗栗縣政府衛生局112年9月12日苗衛疾字第1120031234號函辦理。", []),
                ("二、", "接種期間自112年10月2日起至112年10月20日止，共19天。", []),
            ]),
        ],
        cc=["正本：頭份市各國民小學（含附件）", "副本：苗栗縣政府衛生局、苗栗縣政府教育處"],
        signature="主任　○○○",
    ),
    Letter(
        stem="beitun-district-twopage",
        font=KAI, pages=2, title="臺中市北屯區公所　函", header_title=True,
        file_no="113/010501/4", retention="5年",
        contact=["地址：406036臺中市北屯區崇德路二段1號", "承辦人：賴欣怡", "電話：(04)22363236分機301",
                 "傳真：(04)22361234", "電子信箱：hsinyi@taichung.gov.tw"],
        recipient="受文者：本區各里辦公處",
        fields=["發文日期：中華民國113年4月8日", "發文字號：中市屯區民字第1130009876號", "速別：普通件", SECRECY,
                "附件：登革熱防治宣導單張200份"],
        body=[
            ("主旨：", "為防治登革熱疫情，請各里動員轄內志工清除孳生源，並於每週五回報辦理情形，請查照。"),
            ("說明：", [
                ("一、", "依據臺中市政府113年3月29日府授衛疾字第1130087654號函辦理。", []),
                ("二、", "本市近期已出現境外移入病例，防疫工作刻不容緩。", []),
                ("三、", "請各里辦理事項如下：", [
                    ("（一）", "每週動員志工巡查轄內空地、空屋及公園，清除積水容器。", []),
                    ("（二）", "於里民大會及社區活動時宣導「巡、倒、清、刷」防蚊口訣。", []),
                ]),
                ("四、", "巡查發現之髒亂點，請填具通報單送本所民政課，由本所會同臺中市政府環境保護局處理。", []),
                ("五、", "各里辦理成效將列入114年度里長年終考評參考。", []),
                ("六、", "本案聯絡人：本所民政課賴欣怡小姐，電話：(04)22363236分機301。", [
                    ("（一）", "上班時間請撥上開電話。", []),
                    ("（二）", "下班時間請洽本所值日人員。", []),
                ]),
            ]),
        ],
        cc=["正本：本區各里辦公處（含附件）", "副本：臺中市政府民政局、臺中市政府衛生局、本所民政課"],
        signature="區長　張○○",
    ),
    Letter(
        stem="chianan-irrigation-wrong-days",
        font=SANS, pages=1, line_height="100%", title="農業部農田水利署嘉南管理處　函",
        file_no="114/040201/3", retention="3年",
        contact=["地址：700002臺南市中西區友愛街25號", "承辦人：許家豪", "電話：06-2222106分機412",
                 "傳真：06-2224567", "電子信箱：chhsu@ia.gov.tw"],
        recipient="受文者：臺南市新營區公所",
        fields=["發文日期：中華民國114年1月20日", "發文字號：農水嘉南字第1146701234號", "速別：普通件", SECRECY,
                "附件："],
        body=[
            ("主旨：", "本處辦理114年第一期作灌溉停水作業，請貴所轉知轄內農民配合，請查照。"),
            ("說明：", [
                ("一、", "停水期間自114年2月10日起至114年3月11日止，共28天。", []),
                ("二、", "停水期間請農民勿擅自啟閉水門。", []),
            ]),
        ],
        cc=["正本：臺南市新營區公所、臺南市柳營區公所", "副本：本處新營管理分處"],
        signature="處長　○○○",
    ),
    Letter(
        stem="hsinchu-city-social-twopage",
        font=SERIF, pages=2, line_height="100%", title="新竹市政府　函", header_title=True, binding="dots",
        file_no="112/070102/6", retention="10年",
        contact=["地址：300195新竹市北區中正路120號", "承辦人：黃淑華", "電話：(03)5216121分機8432",
                 "傳真：(03)5250999", "電子信箱：shuhua@ems.hccg.gov.tw"],
        recipient="受文者：新竹市東區區公所",
        fields=["發文日期：中華民國112年10月2日", "發文字號：府社老字第1120231234號", "速別：普通件", SECRECY,
                "附件：重陽敬老禮金發放名冊1份及領據2份"],
        body=[
            ("主旨：", "有關本市112年重陽節敬老禮金發放作業，請依說明辦理，請查照。"),
            ("說明：", [
                ("一、", "依據本市重陽節敬老禮金發放自治條例辦理。", []),
                ("二、", "發放對象為設籍本市滿6個月以上、年滿65歲之長者，每人新臺幣1,000元。", []),
                ("三、", "發放期間自112年10月16日起至112年11月15日止，共31天。", []),
                ("四、", "請貴所於發放期間內透過各村里辦公處協助發放，並於發放完畢後將領據及賸餘款繳回本府。", []),
                ("五、", "長者如因行動不便無法親自領取，得出具委託書由親屬代為領取，代領人應攜帶身分證明文件。", []),
                ("六、", "發放過程中如有冒領或重複領取情事，請立即通報本府社會局，並依法追繳。", []),
                ("七、", "本案經費由本府112年度社會福利預算支應，請貴所確實核對名冊，避免溢發。", []),
                ("八、", "請貴所於112年11月30日前將發放成果表函報本府，以憑辦理經費核銷。", []),
            ]),
        ],
        cc=["正本：新竹市東區區公所（含附件）", "副本：本府社會局、本府主計處"],
        signature=None,
    ),
]


def texts_of(path: Path) -> dict[str, str]:
    """Given a PDF, return its text by tool name."""
    return {"pdfplumber": unseen5.extract_pdfplumber(path),
            "pypdfium2": "\n".join(unseen5.pdf_pages(path.read_bytes()))}


def main() -> None:
    unseen5.build_corpus(HERE, LETTERS, Builder, texts_of, ("soffice",))


if __name__ == "__main__":
    main()
