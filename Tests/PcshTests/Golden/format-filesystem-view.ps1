# Files and folders show in pwsh's Unix view, grouped by folder, folders first.
$null = New-Item -ItemType Directory -Path ./view/inner
Set-Content ./view/a.txt -Value 'abc' -NoNewline
Set-Content ./view/inner/b.txt -Value 'hello' -NoNewline
Get-ChildItem ./view -Recurse | Out-Host
'x' | Get-Member -Name Length
# CHECK-EMPTY:
# CHECK:     Directory: {{/.*}}/view
# CHECK-EMPTY:
# CHECK: UnixMode         User Group         LastWriteTime         Size Name
# CHECK: --------         ---- -----         -------------         ---- ----
# CHECK: drwx{{[-rwx]+}} {{ *\S+}} {{\S+ *}} {{ *[0-9]+/[0-9]+/[0-9][0-9][0-9][0-9] [0-9][0-9]:[0-9][0-9]}} {{ *[0-9]+}} inner
# CHECK: -rw{{[-rwx]+}} {{ *\S+}} {{\S+ *}} {{ *[0-9]+/[0-9]+/[0-9][0-9][0-9][0-9] [0-9][0-9]:[0-9][0-9]}}            3 a.txt
# CHECK-EMPTY:
# CHECK:     Directory: {{/.*}}/view/inner
# CHECK-EMPTY:
# CHECK: UnixMode         User Group         LastWriteTime         Size Name
# CHECK: --------         ---- -----         -------------         ---- ----
# CHECK: -rw{{[-rwx]+}} {{ *\S+}} {{\S+ *}} {{ *[0-9]+/[0-9]+/[0-9][0-9][0-9][0-9] [0-9][0-9]:[0-9][0-9]}}            5 b.txt
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK:    TypeName: System.String
# CHECK-EMPTY:
# CHECK: Name   MemberType Definition
# CHECK: ----   ---------- ----------
# CHECK: Length Property   int Length {get;}
