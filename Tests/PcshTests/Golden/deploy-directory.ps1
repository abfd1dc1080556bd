# The directory cmdlets on a fresh deployment: users, OUs, nested groups, filters, Get-CsUser,
# Disable-CsUser, and the Persistent Chat endpoint refusing to run before a topology is published.
New-ADUser 'Ken Myer' -SamAccountName kmyer -GivenName Ken -Surname Myer -DisplayName 'Ken Myer' -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:kmyer@litwareinc.com'}
New-ADUser ocschat -DisplayName 'Group Chat Lookup' -Path 'OU=Chat,DC=local' -OtherAttributes @{'msRTCSIP-PrimaryUserAddress'='sip:ocschat@litwareinc.com'}
New-ADUser pilar -Enabled $false
Get-ADUser kmyer | Format-List DistinguishedName, Enabled, SamAccountName, UserPrincipalName
Get-ADUser -Filter {SamAccountName -like '*a*' -and Enabled -eq $true} | ForEach-Object SamAccountName
New-ADGroup ChatAdmins -GroupScope Universal
Add-ADGroupMember ChatAdmins -Members kmyer, pilar
Add-ADGroupMember CsPersistentChatAdministrator -Members ChatAdmins
Get-ADGroupMember CsPersistentChatAdministrator | ForEach-Object { "$($_.objectClass) $($_.SamAccountName)" }
Get-ADGroupMember CsPersistentChatAdministrator -Recursive | ForEach-Object SamAccountName
Get-CsUser | Format-Table SamAccountName, SipAddress, DisplayName
try {
    New-CsPersistentChatEndpoint -SipAddress sip:ocschat@litwareinc.com -PersistentChatPoolFqdn atl-pcpool-001.litwareinc.com -ErrorAction Stop
} catch {
    "refused: $($_.FullyQualifiedErrorId.Split(',')[0])"
}
Get-CsUser ocschat | Disable-CsUser
Remove-ADUser ocschat -Confirm:$false
Remove-ADGroupMember ChatAdmins -Members pilar -Confirm:$false
"CS users: $((Get-CsUser).SamAccountName -join ', ')"
"ChatAdmins: $((Get-ADGroupMember ChatAdmins).SamAccountName -join ', ')"
Get-ADUser nobody
# CHECK-EMPTY:
# CHECK: DistinguishedName : CN=Ken Myer,CN=Users,DC=local
# CHECK: Enabled           : True
# CHECK: SamAccountName    : kmyer
# CHECK: UserPrincipalName : kmyer@local
# CHECK-EMPTY:
# CHECK: labadmin
# CHECK: ocschat
# CHECK: group ChatAdmins
# CHECK: kmyer
# CHECK: pilar
# CHECK-EMPTY:
# CHECK: SamAccountName SipAddress                 DisplayName
# CHECK: -------------- ----------                 -----------
# CHECK: kmyer          sip:kmyer@litwareinc.com   Ken Myer
# CHECK: ocschat        sip:ocschat@litwareinc.com Group Chat Lookup
# CHECK-EMPTY:
# CHECK: refused: TopologyNotPublished
# CHECK: CS users: kmyer
# CHECK: ChatAdmins: kmyer
# CHECKERR: Cannot find a user with identity 'nobody'.
