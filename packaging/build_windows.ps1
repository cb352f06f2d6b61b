# Builds Cueline's Windows installer on a Windows machine or CI runner (PyInstaller cannot cross-compile):
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1 -OutDir C:\build
#   -> C:\build\dist\cueline\ (the program) and C:\build\CuelineSetup-VERSION.exe
# Needs 64-bit Python 3.11+ (python.org, or the runner's) and NSIS 3 (`choco install nsis -y`). Builds the
# committed sources (git HEAD) unless -WorkingTree is given. VLC is not needed to build, only to play video.
param(
    [Parameter(Mandatory = $true)][string]$OutDir,
    [string]$Python = "python",
    [switch]$WorkingTree
)
$ErrorActionPreference = "Stop"
$Repo = (Resolve-Path "$PSScriptRoot\..").Path
$OutDir = [System.IO.Path]::GetFullPath($OutDir)
$Src = Join-Path $OutDir "src"
$Venv = Join-Path $OutDir "venv"

function Invoke-Checked {
    # Runs a program and stops the build when it fails (PowerShell 5 ignores native exit codes).
    param([string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Export-Sources {
    if (Test-Path $Src) { Remove-Item -Recurse -Force $Src }
    New-Item -ItemType Directory -Force $Src | Out-Null
    if (-not $WorkingTree) {
        $archive = Join-Path $OutDir "src.zip"
        Invoke-Checked git @("-C", $Repo, "archive", "--format=zip", "-o", $archive, "HEAD")
        Expand-Archive -Path $archive -DestinationPath $Src
        Remove-Item $archive
    } else {
        foreach ($part in "editor", "resources", "packaging", "pyproject.toml", "README.md") {
            Copy-Item -Recurse (Join-Path $Repo $part) $Src
        }
    }
}

function Install-BuildVenv {
    Invoke-Checked $Python @("-c", "import sys, struct; raise SystemExit(sys.version_info < (3, 11) or struct.calcsize('P') != 8)")
    if (-not (Test-Path "$Venv\Scripts\python.exe")) { Invoke-Checked $Python @("-m", "venv", $Venv) }
    Invoke-Checked "$Venv\Scripts\python.exe" @("-m", "pip", "install", "-q", "--disable-pip-version-check", $Src, "pyinstaller>=6.10,<7")
}

function Invoke-Freeze {
    $started = Get-Date
    Invoke-Checked "$Venv\Scripts\pyinstaller.exe" @("--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", "$OutDir\dist", "--workpath", "$OutDir\work", "$Src\packaging\cueline.spec")
    $seconds = [int]((Get-Date) - $started).TotalSeconds
    $megabytes = [int]((Get-ChildItem -Recurse -File "$OutDir\dist\cueline" | Measure-Object -Sum Length).Sum / 1MB)
    Write-Host "PyInstaller: $seconds s, $megabytes MB in $OutDir\dist\cueline"
}

function Test-Bundle {
    $folder = "$OutDir\dist\cueline"
    Invoke-Checked "$folder\cueline-cmd.exe" @("--help")
    Invoke-Checked "$folder\cueline-cmd.exe" @("import", "$folder\_internal\resources\samples\abc-news-2014-06-24-transcript.txt",
        "-o", "$OutDir\smoke.srt")
    # The self-check fails on "video player" where the runner has no 64-bit VLC: report, do not stop.
    & "$folder\cueline-selfcheck.exe"
    if ($LASTEXITCODE -ne 0) { Write-Warning "cueline-selfcheck reported a failed check (see above)" }
}

function New-Installer {
    $version = & "$Venv\Scripts\python.exe" -c "import tomllib; print(tomllib.load(open(r'$Src\pyproject.toml', 'rb'))['project']['version'])"
    $makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
    if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
    $installer = "$OutDir\CuelineSetup-$version.exe"
    Invoke-Checked $makensis @("/V2", "/WX", "/DVERSION=$version", "/DSOURCE_DIR=$OutDir\dist\cueline",
        "/DOUTFILE=$installer", "$Src\packaging\windows\cueline.nsi")
    Write-Host "installer: $installer ($([int]((Get-Item $installer).Length / 1MB)) MB)"
}

New-Item -ItemType Directory -Force $OutDir | Out-Null
Export-Sources
Install-BuildVenv
Invoke-Freeze
Test-Bundle
New-Installer
