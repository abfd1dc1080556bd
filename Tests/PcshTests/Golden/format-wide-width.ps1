# Format-Wide columns share the given width; Out-String -Width cuts table columns with an ellipsis.
1..4 | Format-Wide -Column 2 | Out-String -Width 20
[pscustomobject]@{ Id = 1; Text = 'alpha beta gamma delta' } | Format-Table | Out-String -Width 20
'end'
# CHECK-EMPTY:
# CHECK: 1          2
# CHECK: 3          4
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Id Text
# CHECK: -- ----
# CHECK:  1 alpha beta gamma…
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: end
