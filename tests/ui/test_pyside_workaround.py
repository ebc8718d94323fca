"""A long working day of Qt calls must not abort the interpreter (PySide6 6.12.0 on CPython 3.11)."""
import subprocess
import sys

CHILD = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QWizard, QWizardPage
{guard}


class Page(QWizardPage):
    def isComplete(self):
        return True


app = QApplication([])
label = QLabel()
page = Page()
wizard = QWizard()
wizard.addPage(page)
for i in range(100_000):
    label.setText("Tiếp đón")  # void method: drops a reference to None
    page.completeChanged.emit()  # Qt asks the override, which answers True: drops a reference to True
print("survived")
"""


def _run(guard: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CHILD.format(guard=guard)], capture_output=True, text=True,
                          env={"QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"},
                          timeout=120)


def test_the_app_survives_a_long_day_of_qt_calls():
    result = _run("import station_app.ui")
    assert result.returncode == 0 and "survived" in result.stdout, result.stderr[-500:]
