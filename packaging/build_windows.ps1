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
        foreach ($part in "editor", "resources", "packaging", "pyproject.toml", "requirements.lock", "README.md", "LICENSE") {
            Copy-Item -Recurse (Join-Path $Repo $part) $Src
        }
    }
}

function Install-BuildVenv {
    # Exactly the versions of requirements.lock (hash-checked), in a fresh venv, then Cueline itself.
    Invoke-Checked $Python @("-c", "import sys, struct; raise SystemExit(sys.version_info < (3, 11) or struct.calcsize('P') != 8)")
    if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
    Invoke-Checked $Python @("-m", "venv", $Venv)
    $pip = @("-m", "pip", "install", "-q", "--disable-pip-version-check")
    Invoke-Checked "$Venv\Scripts\python.exe" ($pip + @("--require-hashes", "-r", "$Src\requirements.lock"))
    Invoke-Checked "$Venv\Scripts\python.exe" ($pip + @("--no-deps", "--no-build-isolation", $Src))
}

function Invoke-CompileKernels {
    # The aligner's numba kernels as an extension module in the exported sources (needs MSVC, as the
    # windows-2022 runner has), so the bundle carries neither numba nor llvmlite.
    Invoke-Checked "$Venv\Scripts\python.exe" @("$Src\packaging\compile_kernels.py", $Src)
}

function Invoke-Freeze {
    $started = Get-Date
    Invoke-Checked "$Venv\Scripts\pyinstaller.exe" @("--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", "$OutDir\dist", "--workpath", "$OutDir\work", "$Src\packaging\cueline.spec")
    $seconds = [int]((Get-Date) - $started).TotalSeconds
    $megabytes = [int]((Get-ChildItem -Recurse -File "$OutDir\dist\cueline" | Measure-Object -Sum Length).Sum / 1MB)
    Write-Host "PyInstaller: $seconds s, $megabytes MB in $OutDir\dist\cueline"
}

function Write-Notices {
    # Every bundled component with its licence; stops the build on a library no entry of components.toml knows.
    Invoke-Checked "$Venv\Scripts\python.exe" @("$Src\packaging\notices.py", "$OutDir\dist\cueline", "$OutDir\work\cueline")
}

function Test-Bundle {
    $folder = "$OutDir\dist\cueline"
    Invoke-Checked "$folder\cueline-cmd.exe" @("--version")
    Invoke-Checked "$folder\cueline-cmd.exe" @("import", "$folder\_internal\resources\samples\abc-news-2014-06-24-transcript.txt",
        "-o", "$OutDir\smoke.srt")
    # The self-check fails on "video player" where the runner has no 64-bit VLC: report, do not stop.
    & "$folder\cueline-selfcheck.exe"
    if ($LASTEXITCODE -ne 0) { Write-Warning "cueline-selfcheck reported a failed check (see above)" }
}

function New-Installer {
    $version = & "$Venv\Scripts\python.exe" -c "import importlib.metadata as m; print(m.version('cueline'))"
    # The file properties need four numbers: 0.2.0rc1 -> 0.2.0.0 (the full version is in ProductVersion).
    $numeric = (([regex]::Match($version, '^\d+(\.\d+){0,2}').Value + ".0.0.0").Split(".")[0..3]) -join "."
    $makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
    if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
    $installer = "$OutDir\CuelineSetup-$version.exe"
    Invoke-Checked $makensis @("/V2", "/WX", "/DVERSION=$version", "/DVERSION_NUMERIC=$numeric", "/DSOURCE_DIR=$OutDir\dist\cueline",
        "/DOUTFILE=$installer", "$Src\packaging\windows\cueline.nsi")
    Write-Host "installer: $installer ($([int]((Get-Item $installer).Length / 1MB)) MB)"
}

New-Item -ItemType Directory -Force $OutDir | Out-Null
Export-Sources
Install-BuildVenv
Invoke-CompileKernels
Invoke-Freeze
Write-Notices
Test-Bundle
New-Installer
