# Run by IPython when the in-browser kernel starts (IPYTHONDIR points at this folder's parent).
import kursbok_nettleser

kursbok_nettleser.search_notebook_folder_last()
kursbok_nettleser.install()
