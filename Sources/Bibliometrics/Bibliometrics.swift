// Bibliometrics: see the files in this folder.
import NetworkCore
