<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE 函 SYSTEM "104_2_utf8.dtd" [
<!ENTITY 表單 SYSTEM "moi-fire-roobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjobjster.sw" NDATA DI>
<!NOTATION DI SYSTEM "">
]>
<函>
  <發文機關>
    <全銜>內政部</全銜>
    <機關代碼>A15000000E</機關代碼>
  </發文機關>
  <函類別 代碼="函"/>
  <地址>100218臺北市中正區徐州路5號</地址>
  <聯絡方式>承辦單位：消防署火災預防組</聯絡方式>
  <聯絡方式>承辦人：鄭○○</聯絡方式>
  <聯絡方式>電話：(02)8195-9119#6612</聯絡方式>
  <聯絡方式>電子信箱：fire6612@nfa.gov.tw</聯絡方式>
  <受文者>
    <交換表 交換表單="表單"></交換表>
  </受文者>
  <發文日期>
    <年月日>中華民國112年9月8日</年月日>
  </發文日期>
  <發文字號>
    <文字>內授消字第112081234號</文字>
  </發文字號>
  <速別 代碼="普通件"/>
  <附件>
    <文字>「112年度防火管理講習計畫」1份</文字>
  </附件>
  <主旨>
    <文字>檢送「112年度防火管理講習計畫」1份，請轉知所屬配合辦理，請查照。</文字>
  </主旨>
  <段落 段名="說明：">
    <條列 序號="一、">
      <文字>依據消防法第13條規定辦理。</文字>
    </條列>
    <條列 序號="二、">
      <文字>講習期程及對象：</文字>
      <條列 序號="（一）">
        <文字>期程：自112年10月2日起至112年10月13日止。</文字>
      </條列>
      <條列 序號="（二）">
        <文字>對象：</文字>
        <條列 序號="1、">
          <文字>各級學校防火管理人。</文字>
        </條列>
        <條列 序號="2、">
          <文字>公共場所防火管理人：</文字>
          <條列 序號="（1）">
            <文字>百貨商場。</文字>
          </條列>
          <條列 序號="（2）">
            <文字>醫院及療養機構。</文字>
          </條列>
        </條列>
      </條列>
    </條列>
  </段落>
  <段落 段名="辦法：">
    <文字>請各直轄市政府於112年9月22日前將參訓名冊送本部消防署彙辦。</文字>
  </段落>
  <正本>
    <全銜>臺北市政府</全銜>
    <全銜>新北市政府</全銜>
    <全銜>桃園市政府</全銜>
    <全銜>臺中市政府</全銜>
  </正本>
  <副本>
    <全銜>本部消防署</全銜>
    <含附件>含附件</含附件>
    <全銜>挬部秘書室</全銜>
  </副本>
  <署名>部長　林○○</署名>
</函>
