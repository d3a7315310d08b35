@echo off
rem Starts Insyn from this folder on Windows with a Java 21 or newer (there is no native launcher).
rem   insyn                      the workbench
rem   insyn cli COMMAND ARGS...  the command line (insyn cli --help)
rem Environment: INSYN_WORKSPACE (default %USERPROFILE%\insyn-workspace), INSYN_LANG (sv or en; default: the language
rem              chosen in the workbench's preferences, else sv), JAVA_HOME (a Java 21 or newer; else java on the PATH),
rem              INSYN_DEMO=true to search a small fictional public web on 127.0.0.1 instead of the internet
setlocal EnableExtensions
set "HERE=%~dp0"

set "JAVA="
if exist "%HERE%jre\bin\java.exe" set "JAVA=%HERE%jre\bin\java.exe"
if not defined JAVA if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA for /f "delims=" %%j in ('where java.exe 2^>nul') do if not defined JAVA set "JAVA=%%j"
if not defined JAVA goto nojava
set "JV=0"
for /f "tokens=2 delims==" %%v in ('call "%JAVA%" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"') do set /a JV=%%v
if %JV% LSS 21 goto nojava

set "LAUNCHER="
for %%l in ("%HERE%plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fl"
if not defined LAUNCHER (
    echo insyn: %HERE% is not an Insyn product folder ^(no Equinox launcher in plugins^). Unpack the Insyn archive again. 1>&2
    exit /b 1
)
if defined INSYN_WORKSPACE (set "WORKSPACE=%INSYN_WORKSPACE%") else (set "WORKSPACE=%USERPROFILE%\insyn-workspace")
rem The language: INSYN_LANG, else the one chosen in Window > Preferences > Language, else Swedish.
set "NL=sv"
set "PREFS=%WORKSPACE%\.metadata\.plugins\org.eclipse.core.runtime\.settings\org.insyn.ui.prefs"
if exist "%PREFS%" for /f "usebackq tokens=1,* delims==" %%a in ("%PREFS%") do if "%%a"=="language" set "NL=%%b"
if defined INSYN_LANG set "NL=%INSYN_LANG%"
if not defined INSYN_DEMO set "INSYN_DEMO=false"
set VMARGS=-Xmx1g --enable-native-access=ALL-UNNAMED -Dfile.encoding=UTF-8 -Dinsyn.demo=%INSYN_DEMO%

if /i not "%~1"=="cli" goto workbench
rem %* keeps "cli": collect the arguments after it
set ARGS=
:next
shift
if "%~1"=="" goto cli
set ARGS=%ARGS% %1
goto next
:cli
"%JAVA%" %VMARGS% -Djava.awt.headless=true -jar "%LAUNCHER%" -application org.insyn.app.cli -data "%WORKSPACE%" -nl %NL% -nosplash -consoleLog %ARGS%
exit /b %ERRORLEVEL%

:workbench
"%JAVA%" %VMARGS% -jar "%LAUNCHER%" -data "%WORKSPACE%" -nl %NL% -consoleLog %*
exit /b %ERRORLEVEL%

:nojava
echo insyn: no Java 21 or newer found. Install one (for example: winget install EclipseAdoptium.Temurin.21.JRE) or set JAVA_HOME to it, then run insyn again. 1>&2
exit /b 1
