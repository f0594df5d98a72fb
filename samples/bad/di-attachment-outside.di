<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE 函 SYSTEM "104_2_utf8.dtd" [
<!ENTITY ATTCH1 SYSTEM "../../etc/passwd" NDATA _X>
<!NOTATION _X SYSTEM "">
]>
<函>
  <發文機關>
    <全銜>臺南市政府</全銜>
    <機關代碼>395000000A</機關代碼>
  </發文機關>
  <函類別 代碼="函"/>
  <附件>
    <文字>名冊1份</文字>
    <附件檔名 附件名="ATTCH1"/>
  </附件>
  <主旨>
    <文字>檢送名冊1份，請查照。</文字>
  </主旨>
  <正本><全銜>臺南市立○○國民小學</全銜></正本>
</函>
