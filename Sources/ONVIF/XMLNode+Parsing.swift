import Foundation
import SWXMLHash

extension XMLNode {
    /// Why a body could not be read as a namespace-well-formed document.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        /// Refused before parsing (``XMLGuard``).
        case refused(XMLGuard.Problem)
        /// The parser found the document not well-formed (line and column).
        case notWellFormed(line: Int, column: Int)
        /// A prefix without a declaration in scope (Namespaces in XML §5).
        case undeclaredPrefix(String)

        public var description: String {
            switch self {
            case .refused(let problem): problem.description
            case .notWellFormed(let line, let column): "the body is not well-formed XML (line \(line), column \(column))"
            case .undeclaredPrefix(let prefix): "the prefix '\(prefix)' is not declared"
            }
        }
    }

    /// Parses `bytes` after ``XMLGuard`` let them through: SWXMLHash (over Foundation's
    /// XMLParser, which resolves no external entity by default) builds the tree with
    /// prefixed names, and the prefixes are resolved here against the `xmlns` declarations
    /// in scope, so an undeclared prefix is an error rather than a guess.
    public static func parse(_ bytes: [UInt8], guard xmlGuard: XMLGuard = XMLGuard()) throws(ParseError) -> XMLNode {
        if let problem = xmlGuard.check(bytes) { throw ParseError.refused(problem) }
        let indexer = XMLHash.config { options in
            options.shouldProcessNamespaces = false
            options.detectParsingErrors = true
        }.parse(Data(XMLGuard.content(of: bytes)))
        if case .parsingError(let error) = indexer { throw ParseError.notWellFormed(line: error.line, column: error.column) }
        guard let document = indexer.element,
              let root = document.children.lazy.compactMap({ $0 as? SWXMLHash.XMLElement }).first
        else { throw ParseError.notWellFormed(line: 0, column: 0) }
        return try resolve(root, scope: ["xml": SOAPNamespace.xml])
    }

    private static func resolve(_ element: SWXMLHash.XMLElement, scope inherited: [String: String]) throws(ParseError) -> XMLNode {
        var scope = inherited
        var plain: [(String, String)] = []
        for (key, attribute) in element.allAttributes {
            if key == "xmlns" {
                scope[""] = attribute.text
            } else if key.hasPrefix("xmlns:") {
                scope[String(key.dropFirst(6))] = attribute.text
            } else {
                plain.append((key, attribute.text))
            }
        }
        let name = try qualify(element.name, scope: scope, isAttribute: false)
        var attributes: [XMLName: String] = [:]
        for (key, value) in plain { attributes[try qualify(key, scope: scope, isAttribute: true)] = value }
        var children: [XMLNode] = []
        var text = ""
        for content in element.children {
            if let child = content as? SWXMLHash.XMLElement {
                children.append(try resolve(child, scope: scope))
            } else if let characters = content as? TextElement {
                text += characters.text
            }
        }
        return XMLNode(name: name, attributes: attributes, children: children, text: text)
    }

    /// `prefix:local` to a URI and a local name; an unprefixed attribute has no namespace
    /// (Namespaces in XML §6.2), an unprefixed element the default one.
    private static func qualify(_ qualified: String, scope: [String: String], isAttribute: Bool) throws(ParseError) -> XMLName {
        guard let colon = qualified.firstIndex(of: ":") else {
            return XMLName(isAttribute ? "" : scope[""] ?? "", qualified)
        }
        let prefix = String(qualified[..<colon])
        guard let uri = scope[prefix], !uri.isEmpty else { throw ParseError.undeclaredPrefix(prefix) }
        return XMLName(uri, String(qualified[qualified.index(after: colon)...]))
    }
}
