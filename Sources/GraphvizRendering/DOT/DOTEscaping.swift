/// Escaping rules for the two kinds of DOT strings Siloscope writes.
///
/// Graphviz interprets backslash sequences (`\N`, `\G`, `\E`, `\T`, `\H`, `\L`, `\n`,
/// `\l`, `\r`) in labels, tooltips and URLs even when set through `agsafeset`, and a
/// trailing `\` swallows the closing quote in DOT text (ARCHITECTURE.md §5, measured on 2.43). So
/// user text is always written with every backslash doubled, then `"` escaped.
public enum DOTEscaping {
    /// Writes `text` as a quoted DOT string that displays literally.
    ///
    /// - `\` → `\\` (so `\N`, `\G`, `\l` and a trailing backslash stay literal);
    /// - `"` → `\"`;
    /// - `&` → `&amp;` (Graphviz decodes HTML entities in ordinary labels, so a literal
    ///   `&lt;` in a title would otherwise display as `<`);
    /// - a line break (`\n`, `\r\n`, `\r`, U+2028/U+2029) → `\n`, Graphviz's centred line break;
    /// - a tab → a space; other control characters (C0, DEL, C1) are dropped, since
    ///   they are invalid in SVG/XML and can cut C strings (NUL).
    ///
    /// Time O(length). Pure and deterministic.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        var previousWasCR = false
        for s in text.unicodeScalars {
            defer { previousWasCR = (s == "\r") }
            switch s {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\n":
                if !previousWasCR { out += "\\n" }
            case "\r", "\u{2028}", "\u{2029}": out += "\\n"
            case "\t": out += " "
            default:
                if isDroppedControl(s) { continue }
                out.unicodeScalars.append(s)
            }
        }
        out += "\""
        return out
    }

    /// XML-escapes `text` for use as character data inside an HTML-like label:
    /// `&` `<` `>` `"` `'` become entities; `\` is doubled (Graphviz 2.43 expands `\N`,
    /// `\G`, … inside HTML-like labels too, even when written `&#92;N`; measured); line
    /// breaks and tabs become spaces; other control characters are dropped. Time
    /// O(length). Pure.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\\": out += "\\\\"
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": out += " "
            default:
                if isDroppedControl(s) { continue }
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// Writes an attribute name or keyword: bare when it is a plain DOT identifier
    /// (`[A-Za-z_][A-Za-z0-9_]*`), quoted otherwise. Pure.
    public static func identifier(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, isIDStart(first),
              name.unicodeScalars.allSatisfy({ isIDStart($0) || ("0"..."9").contains($0) })
        else { return quoted(name) }
        return name
    }

    private static func isIDStart(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_"
    }

    static func isDroppedControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value)
    }
}

/// The markup of an HTML-like DOT label (`label=<…>`), built so that user text can only
/// enter it XML-escaped.
///
/// Use ``text(_:)`` for anything that came from data, ``markup(_:)`` only for tags your
/// own code writes, and `+` to concatenate.
public struct HTMLLabel: Sendable, Equatable, Hashable {
    /// The markup, as written between `<` and `>`.
    public let markup: String

    private init(raw: String) { markup = raw }

    /// User text, XML-escaped (see ``DOTEscaping/xml(_:)``). Pure.
    public static func text(_ userText: String) -> HTMLLabel { HTMLLabel(raw: DOTEscaping.xml(userText)) }

    /// Markup written by Siloscope code (tags like `<TABLE>`, `<TR>`, `<B>`), taken as is.
    /// Never pass data through this.
    public static func markup(_ trustedMarkup: String) -> HTMLLabel { HTMLLabel(raw: trustedMarkup) }

    /// Concatenation.
    public static func + (lhs: HTMLLabel, rhs: HTMLLabel) -> HTMLLabel { HTMLLabel(raw: lhs.markup + rhs.markup) }

    /// Concatenates many pieces.
    public static func joined(_ parts: [HTMLLabel]) -> HTMLLabel { HTMLLabel(raw: parts.map(\.markup).joined()) }
}
