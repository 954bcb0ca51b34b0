# Run by IPython when the in-browser kernel starts (IPYTHONDIR points at this folder's parent).
import kursbok_nettleser

kursbok_nettleser.install()
