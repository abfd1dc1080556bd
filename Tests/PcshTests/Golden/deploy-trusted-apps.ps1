# Trusted applications end to end, before any topology is published: a pool, two applications,
# endpoints, changes, and removing the pool with everything in it.
$pool = New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com -ComputerFqdn AppServer.litwareinc.com
$pool | Format-List Identity, Registrar, ServiceId, PoolFqdn, Computers, OutboundOnly, RequiresReplication
$null = New-CsTrustedApplication -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -Port 6000
$app = New-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp2 -Port 6100 -EnableTcp
"$($app.Identity) port $($app.Port) over $($app.Protocol)"
$app.ServiceGruu
try { New-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp3 -Port 6000 } catch { "refused: $($_.Exception.Message)" }
Set-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp2 -Port 6200
Get-CsTrustedApplication -Filter *trust* | ForEach-Object { "$($_.ApplicationId) on $($_.Port)" }
$generated = New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com
$generated.SipAddress
$null = New-CsTrustedApplicationEndpoint -ApplicationId tapp2 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:endpoint1@litwareinc.com
Set-CsTrustedApplicationEndpoint -Identity "sip:endpoint1@litwareinc.com" -DisplayName "Endpoint 1" -LineURI tel:+14255551212
Get-CsTrustedApplicationEndpoint -Identity "Endpoint 1" | Set-CsTrustedApplicationEndpoint -DisplayNumber "(425)555-1212"
Get-CsTrustedApplicationEndpoint -Filter {DisplayName -like "*endpoint*"} | Format-List SipAddress, DisplayName, DisplayNumber, LineURI, OwnerUrn
Remove-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -WhatIf
try { Remove-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -ErrorAction Stop } catch { "kept: $($_.FullyQualifiedErrorId)" }
"pool still there: $(@(Get-CsTrustedApplicationPool).Count)"
Get-CsTrustedApplicationPool | Remove-CsTrustedApplicationPool -Force
"applications: $(@(Get-CsTrustedApplication).Count), endpoints: $(@(Get-CsTrustedApplicationEndpoint).Count)"
"pools: $(@(Get-CsTrustedApplicationPool).Count)"
# CHECK-EMPTY:
# CHECK: Identity            : TrustedApplicationPool:TrustPool.litwareinc.com
# CHECK: Registrar           : Registrar:pool0.litwareinc.com
# CHECK: ServiceId           : 0-ExternalServer-1
# CHECK: PoolFqdn            : TrustPool.litwareinc.com
# CHECK: Computers           : {AppServer.litwareinc.com}
# CHECK: OutboundOnly        : False
# CHECK: RequiresReplication : True
# CHECK-EMPTY:
# CHECK: TrustPool.litwareinc.com/urn:application:tapp2 port 6100 over Tcp
# CHECK: sip:TrustPool.litwareinc.com@litwareinc.com;gruu;opaque=srvr:tapp2:R9QF_GX7Gq5alq-CZtSIcQAAA
# CHECK: refused: Port 6000 is already used by the trusted application 'TrustPool.litwareinc.com/urn:application:tapp1'. Each application of a pool needs its own port; choose another one.
# CHECK: urn:application:tapp1 on 6000
# CHECK: urn:application:tapp2 on 6200
# CHECK: sip:RtcApplication-{{[0-9a-f-]+}}@litwareinc.com
# CHECK-EMPTY:
# CHECK: SipAddress    : sip:endpoint1@litwareinc.com
# CHECK: DisplayName   : Endpoint 1
# CHECK: DisplayNumber : (425)555-1212
# CHECK: LineURI       : tel:+14255551212
# CHECK: OwnerUrn      : urn:application:tapp2
# CHECK-EMPTY:
# CHECK: What if: Performing the operation "Remove-CsTrustedApplication" on target "TrustPool.litwareinc.com/urn:application:tapp1".
# CHECK: What if: Performing the operation "Remove-CsTrustedApplication" on target "TrustPool.litwareinc.com/urn:application:tapp2".
# CHECK: What if: Performing the operation "Remove-CsTrustedApplicationEndpoint" on target "sip:RtcApplication-{{[0-9a-f-]+}}@litwareinc.com".
# CHECK: What if: Performing the operation "Remove-CsTrustedApplicationEndpoint" on target "sip:endpoint1@litwareinc.com".
# CHECK: What if: Performing the operation "Remove trusted application computer" on target "AppServer.litwareinc.com".
# CHECK: What if: Performing the operation "Remove-CsTrustedApplicationPool" on target "TrustPool.litwareinc.com".
# CHECK: kept: ConfirmationRequiredInNonInteractiveSession{{.*}}
# CHECK: pool still there: 1
# CHECK: applications: 0, endpoints: 0
# CHECK: pools: 0
