import Foundation

extension DatasetManifest {
    /// `text` as a double-quoted YAML scalar: `"` and `\` escaped, newline and tab as
    /// `\n` and `\t`, other control characters as `\xHH`. O(length).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for ch in text.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 { out += String(format: "\\x%02X", ch.value) } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }

    /// The `dataset.yml` of a dataset written by an importer: works.csv with the usual
    /// columns and one citation layer, citations.csv (citing → cited).
    static func citationDatasetYAML(name: String, title: String, source: String, description: String? = nil) -> String {
        var text = """
        name: \(quoted(name))
        title: \(quoted(title))
        source: \(quoted(source))

        """
        if let description { text += "description: \(quoted(description))\n" }
        text += """
        works:
          file: works.csv
          id: id
          label: label
          year: year
          doi: doi
        layers:
          - kind: citation
            file: citations.csv
            from: citing
            to: cited

        """
        return text
    }
}
