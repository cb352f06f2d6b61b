# Installs CuelineSetup-VERSION.exe silently as IT staff would (per user, or per machine with -AllUsers from
# an elevated shell), runs the smoke test from the installed copy, installs it again over itself (an upgrade),
# uninstalls silently and checks that nothing is left: files, Start menu entry, uninstall entry, file types.
#   powershell -File packaging\windows\test_installer.ps1 -Installer C:\build\CuelineSetup-0.1.0.exe [-AllUsers]
param(
    [Parameter(Mandatory = $true)][string]$Installer,
    [switch]$AllUsers
)
$ErrorActionPreference = "Stop"
$Mode = if ($AllUsers) { "/AllUsers" } else { "/CurrentUser" }
$Root = if ($AllUsers) { "HKLM:" } else { "HKCU:" }
$Folder = if ($AllUsers) { "$env:ProgramFiles\Cueline" } else { "$env:LOCALAPPDATA\Programs\Cueline" }
$MenuRoot = if ($AllUsers) { $env:ProgramData } else { $env:APPDATA }
$Menu = "$MenuRoot\Microsoft\Windows\Start Menu\Programs\Cueline.lnk"
$UninstallKey = "$Root\Software\Microsoft\Windows\CurrentVersion\Uninstall\Cueline"
$ProjectType = "$Root\Software\Classes\.cueline"
$Work = Join-Path ([System.IO.Path]::GetTempPath()) "cueline-installer-test"

function Assert-True([bool]$Condition, [string]$Message) {
    if (-not $Condition) { throw "test_installer: $Message" }
}

function Invoke-Checked([string]$Program, [string[]]$Arguments) {
    & $Program @Arguments
    Assert-True ($LASTEXITCODE -eq 0) "$Program $($Arguments -join ' ') exited with $LASTEXITCODE"
}

function Install-Cueline {
    $started = Get-Date
    $process = Start-Process -FilePath $Installer -ArgumentList "/S", $Mode -Wait -PassThru
    Assert-True ($process.ExitCode -eq 0) "the installer exited with $($process.ExitCode)"
    Write-Host "installed in $([int]((Get-Date) - $started).TotalSeconds) s into $Folder"
    Assert-True (Test-Path "$Folder\cueline.exe") "no cueline.exe in $Folder"
    Assert-True (Test-Path $Menu) "no Start menu entry at $Menu"
    Assert-True ((Get-ItemProperty $UninstallKey).InstallLocation -eq $Folder) "the uninstall entry names another folder"
    Assert-True ((Get-ItemProperty $ProjectType)."(default)" -eq "Cueline.Project") ".cueline is not Cueline's"
}

function Test-InstalledCueline {
    New-Item -ItemType Directory -Force $Work | Out-Null
    $sample = "$Folder\_internal\resources\samples\abc-news-2014-06-24-transcript.txt"
    $version = & "$Folder\cueline-cmd.exe" --version
    Write-Host $version
    Invoke-Checked "$Folder\cueline-cmd.exe" @("import", $sample, "-o", "$Work\sample.srt")
    Invoke-Checked "$Folder\cueline-cmd.exe" @("convert", "$Work\sample.srt", "$Work\sample.vtt")
    Assert-True ((Select-String -Path "$Work\sample.vtt" -Pattern "-->").Count -gt 100) "the sample did not become captions"
    Invoke-Checked "$Folder\cueline-selfcheck.exe" @()
    Assert-True (Test-Path "$Folder\_internal\licenses\THIRD-PARTY-NOTICES.txt") "the third-party notices are missing"
    # The editor's window opens and stays up (the bundled sample, lined up along 12:45).
    $editor = Start-Process -FilePath "$Folder\cueline.exe" -PassThru
    $deadline = (Get-Date).AddSeconds(60)
    while (-not $editor.HasExited -and $editor.MainWindowTitle -notmatch "Cueline" -and (Get-Date) -lt $deadline) {
        Start-Sleep -Milliseconds 500
        $editor.Refresh()
    }
    Assert-True (-not $editor.HasExited -and $editor.MainWindowTitle -match "Cueline") "the editor window did not open"
    Stop-Process -Id $editor.Id -Force
    $editor.WaitForExit()
}

function Uninstall-Cueline {
    # The uninstaller copies itself to %TEMP% and returns at once: wait until the folder is gone.
    $process = Start-Process -FilePath "$Folder\Uninstall Cueline.exe" -ArgumentList "/S", $Mode -Wait -PassThru
    Assert-True ($process.ExitCode -eq 0) "the uninstaller exited with $($process.ExitCode)"
    $deadline = (Get-Date).AddSeconds(120)
    while ((Test-Path $Folder) -and (Get-Date) -lt $deadline) { Start-Sleep -Seconds 1 }
    Assert-True (-not (Test-Path $Folder)) "the uninstaller left $Folder"
    Assert-True (-not (Test-Path $Menu)) "the uninstaller left the Start menu entry"
    Assert-True (-not (Test-Path $UninstallKey)) "the uninstaller left the uninstall entry"
    Assert-True (-not (Test-Path $ProjectType)) "the uninstaller left the .cueline file type"
    Assert-True (-not (Test-Path "$Root\Software\Classes\Cueline.Project")) "the uninstaller left Cueline.Project"
    Write-Host "uninstalled: nothing left"
}

Install-Cueline
Test-InstalledCueline
Install-Cueline  # an upgrade over a running-free copy: the same checks hold
Test-InstalledCueline
Uninstall-Cueline
