# ConvertTo-Html: a full page, a fragment with a calculated column, and the list layout.
$rows = @(
    [pscustomobject]@{ Name = 'Ada'; Role = 'R&D <lead>' }
    [pscustomobject]@{ Name = 'Bob'; Role = 'Ops' }
)
$rows | ConvertTo-Html -Title 'Team'
$rows | ConvertTo-Html -Property Name, @{ n = 'Len'; e = { $_.Role.Length } } -Fragment -PreContent '<h2>Team</h2>'
$rows[0] | ConvertTo-Html -As List -Fragment
# CHECK: <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
# CHECK: <html xmlns="http://www.w3.org/1999/xhtml">
# CHECK: <head>
# CHECK: <title>Team</title>
# CHECK: </head><body>
# CHECK: <table>
# CHECK: <colgroup><col/><col/></colgroup>
# CHECK: <tr><th>Name</th><th>Role</th></tr>
# CHECK: <tr><td>Ada</td><td>R&amp;D &lt;lead&gt;</td></tr>
# CHECK: <tr><td>Bob</td><td>Ops</td></tr>
# CHECK: </table>
# CHECK: </body></html>
# CHECK: <h2>Team</h2>
# CHECK: <table>
# CHECK: <colgroup><col/><col/></colgroup>
# CHECK: <tr><th>Name</th><th>Len</th></tr>
# CHECK: <tr><td>Ada</td><td>10</td></tr>
# CHECK: <tr><td>Bob</td><td>3</td></tr>
# CHECK: </table>
# CHECK: <table>
# CHECK: <tr><td>Name:</td><td>Ada</td></tr>
# CHECK: <tr><td>Role:</td><td>R&amp;D &lt;lead&gt;</td></tr>
# CHECK: </table>
