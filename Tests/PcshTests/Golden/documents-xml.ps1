# [xml] documents: dot navigation into elements and attributes, and Select-Xml queries.
@'
<?xml version="1.0" encoding="utf-8"?>
<Pool name="main">
  <AdUsers>
    <User principalId="u1" displayName="Ann Lee"><Mail>ann@example.org</Mail></User>
    <User principalId="u2" displayName="Bob Ray" />
  </AdUsers>
</Pool>
'@ | Set-Content f.xml
$doc = [xml](Get-Content f.xml -Raw)
$doc.Pool.name
$doc.Pool.AdUsers.User.Count
$doc.Pool.AdUsers.User[0].Mail
($doc.Pool.AdUsers.User | Where-Object principalId -eq 'u2').displayName
Select-Xml -Path f.xml -XPath '//User[@principalId="u2"]' | ForEach-Object { $_.Node.displayName }
($doc | Select-Xml '/Pool/AdUsers/User/@principalId').Node.Value -join ','
(Select-Xml -Content '<a><b>x</b><b>y</b></a>' -XPath '//b[last()]/text()').Node.Value
# The table comes last so the blank lines a format block ends with don't matter.
([xml](Get-Content f.xml -Raw)).Pool.AdUsers.User | Select-Object principalId
# CHECK: main
# CHECK: 2
# CHECK: ann@example.org
# CHECK: Bob Ray
# CHECK: Bob Ray
# CHECK: u1,u2
# CHECK: y
# CHECK-EMPTY:
# CHECK: principalId
# CHECK: -----------
# CHECK: u1
# CHECK: u2
