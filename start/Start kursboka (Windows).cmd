@echo off
rem Start kursboka paa Windows: dobbeltklikk denne filen.
rem Windows starter for the course book. Finds Python 3.11 (or newer) through the Python launcher
rem "py" (never "python3", which on Windows may open the Microsoft Store), then hands over to
rem kursboka.py in the same folder, which creates the environment the first time and starts
rem JupyterLab. This file is kept with CRLF line endings (start/.gitattributes); the Norwegian
rem messages need the UTF-8 code page set on the next line.
chcp 65001 >nul
setlocal
cd /d "%~dp0"

set "PYCMD="
py -3.11 -c "import sys" >nul 2>&1
if not errorlevel 1 set "PYCMD=py -3.11"
if not defined PYCMD (
  py -3 -c "import sys; sys.exit(sys.version_info[:2] < (3, 11))" >nul 2>&1
  if not errorlevel 1 set "PYCMD=py -3"
)
if defined PYCMD goto found

where py >nul 2>&1
if errorlevel 1 goto missing
echo.
echo Python på denne maskinen er for gammel. Kursboka trenger Python 3.11 eller nyere.
echo Last ned Python 3.11 fra https://www.python.org/downloads/windows/ og installer den.
echo Start så kursboka på nytt.
echo.
pause
exit /b 1

:missing
echo.
echo Fant ikke Python på denne maskinen. Kursboka trenger Python 3.11.
echo Last ned Python 3.11 fra https://www.python.org/downloads/windows/ og installer den
echo (la valget «py launcher» stå på). Start så kursboka på nytt.
echo Har du ikke lov til å installere programmer, spør IT-avdelingen, eller bruk
echo «Kjør i nettleseren» i kursboka.
echo.
pause
exit /b 1

:found
%PYCMD% "%~dp0kursboka.py" %*
if errorlevel 1 (
  echo.
  pause
  exit /b 1
)
exit /b 0
