# ConvertTo-Csv, Export-Csv, Import-Csv and ConvertFrom-Csv (PowerShell 7 defaults: no type line, quoted).
$rows = @(
    [pscustomobject]@{ Name = 'Ada'; Age = 36 }
    [pscustomobject]@{ Name = 'Bob, Jr.'; Age = 25 }
)
$rows | ConvertTo-Csv
$rows | ConvertTo-Csv -UseQuotes AsNeeded
$rows | ConvertTo-Csv -Delimiter ';' -UseQuotes Never
[pscustomobject]@{ Quote = 'say "hi"' } | ConvertTo-Csv
$rows | Export-Csv -Path people.csv
Get-Content people.csv
$in = Import-Csv -Path people.csv
$in.Count
$in[1].Name
$in[0].Age.GetType().Name
[pscustomobject]@{ Name = 'Cy'; Age = 5 } | Export-Csv -Path people.csv -Append
(Import-Csv -Path people.csv).Name -join '|'
$c = 'a;b', '1;2' | ConvertFrom-Csv -Delimiter ';'
"a=$($c.a) b=$($c.b)"
$h = '1,2' | ConvertFrom-Csv -Header X, Y
"X=$($h.X) Y=$($h.Y)"
$multi = @'
Id,Label
1,"one, with comma"
2,"two ""quoted"""
'@ | ConvertFrom-Csv
$multi[0].Label
$multi[1].Label
# CHECK: "Name","Age"
# CHECK: "Ada","36"
# CHECK: "Bob, Jr.","25"
# CHECK: Name,Age
# CHECK: Ada,36
# CHECK: "Bob, Jr.",25
# CHECK: Name;Age
# CHECK: Ada;36
# CHECK: Bob, Jr.;25
# CHECK: "Quote"
# CHECK: "say ""hi"""
# CHECK: "Name","Age"
# CHECK: "Ada","36"
# CHECK: "Bob, Jr.","25"
# CHECK: 2
# CHECK: Bob, Jr.
# CHECK: String
# CHECK: Ada|Bob, Jr.|Cy
# CHECK: a=1 b=2
# CHECK: X=1 Y=2
# CHECK: one, with comma
# CHECK: two "quoted"
