# The role check through the real pcsh: -User, -Role, $PCSH_USER, denials, the audit log.
# The golden runner starts pcsh as labadmin in a fresh deployment home; labadmin creates it and
# so is in RTCUniversalServerAdmins.
(Get-CsAdminRole).Count
# CHECK: 11
Get-CsAdminRole -Identity CsPersistentChatAdministrator | Select-Object -ExpandProperty Cmdlets | Where-Object { $_ -like '*AdminRole*' }
# CHECK: Get-CsAdminRole
# CHECK: Get-CsAdminRoleAssignment

# Someone the directory does not know holds no role.
pcsh -NoProfile -User mallory -Command 'Get-CsAdminRole | Out-Null; "still running"'
# CHECK: still running
# CHECKERR: Access denied: 'mallory' may not run Get-CsAdminRole. The user holds no role
# A denial is a statement-terminating error: the script goes on, the last statement decides.
"exit: $LASTEXITCODE"
# CHECK: exit: 0

# $PCSH_USER names the user when -User is absent.
$env:PCSH_USER = 'mallory'
pcsh -NoProfile -Command 'New-CsAdminRole -Identity X -Template CsHelpDesk -WhatIf'
# CHECKERR: Access denied: 'mallory' may not run New-CsAdminRole.
$env:PCSH_USER = 'labadmin'

# An administrator limited to a view-only role cannot change anything, nor call programs.
pcsh -NoProfile -Role CsViewOnlyAdministrator -Command 'Remove-CsAdminRole CsHelpDesk -Force'
# CHECKERR: Access denied: 'labadmin' may not run Remove-CsAdminRole. The user holds only CsViewOnlyAdministrator (this session is limited to CsViewOnlyAdministrator)
pcsh -NoProfile -Role CsViewOnlyAdministrator -Command '(Get-Command -Module Lync).Name -contains "New-CsAdminRole"; [System.IO.File]::Exists("/")'
# CHECK: False
# CHECKERR: Method invocation is supported only on core types in this language mode.

# A role the user does not hold cannot be taken.
pcsh -NoProfile -User mallory -Role CsAdministrator -Command '"never"'
# CHECKERR: pcsh: -Role: The user 'mallory' does not hold the role 'CsAdministrator'
"exit: $LASTEXITCODE"
# CHECK: exit: 1

# Every denial above is in the audit log, newest first.
Search-CsAdminAuditLog | ForEach-Object { '{0} {1} {2} {3}' -f $_.User, $_.Command, $_.WhatIf, $_.Outcome }
# CHECK: labadmin [System.IO.File] False Denied
# CHECK: labadmin Remove-CsAdminRole False Denied
# CHECK: mallory New-CsAdminRole True Denied
# CHECK: mallory Get-CsAdminRole False Denied
