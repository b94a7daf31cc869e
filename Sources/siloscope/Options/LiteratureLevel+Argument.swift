import ArgumentParser
import Bibliometrics

extension LiteratureLevel: ExpressibleByArgument {}
