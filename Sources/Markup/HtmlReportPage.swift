/// A self-contained HTML report page (styles inline, no scripts or external files), built
/// section by section. Every -Report file uses it, so reports look alike and escape alike.
public struct HtmlReportPage {
    private var body = ""
    private let title: String

    public init(title: String) {
        self.title = title
    }

    public mutating func heading(_ text: String, level: Int = 2, id: String? = nil) {
        let anchor = id.map { " id=\"\(Markup.html($0))\"" } ?? ""
        body += "<h\(level)\(anchor)>\(Markup.html(text))</h\(level)>\n"
    }

    public mutating func paragraph(_ text: String, cssClass: String? = nil) {
        body += "<p\(cssClass.map { " class=\"\(Markup.html($0))\"" } ?? "")>\(Markup.html(text))</p>\n"
    }

    /// A table; `rowClasses` (one per row, optional) colours rows, e.g. `error` or `warning`.
    public mutating func table(headers: [String], rows: [[String]], rowClasses: [String?] = [], numericColumns: Set<Int> = []) {
        body += "<table>\n<thead><tr>"
        for (index, header) in headers.enumerated() {
            body += "<th\(numericColumns.contains(index) ? " class=\"num\"" : "")>\(Markup.html(header))</th>"
        }
        body += "</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            let rowClass = index < rowClasses.count ? rowClasses[index] : nil
            body += "<tr\(rowClass.map { " class=\"\(Markup.html($0))\"" } ?? "")>"
            for (column, cell) in row.enumerated() {
                body += "<td\(numericColumns.contains(column) ? " class=\"num\"" : "")>\(Markup.html(cell))</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
    }

    /// A list of badges, e.g. `3 errors`, `12 warnings`.
    public mutating func badges(_ items: [(text: String, cssClass: String)]) {
        body += "<p class=\"badges\">"
        for item in items { body += "<span class=\"badge \(Markup.html(item.cssClass))\">\(Markup.html(item.text))</span> " }
        body += "</p>\n"
    }

    public mutating func openSection(_ summary: String, open: Bool = true) {
        body += "<details\(open ? " open" : "")><summary>\(Markup.html(summary))</summary>\n"
    }

    public mutating func closeSection() { body += "</details>\n" }

    public var html: String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.html(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <h1>\(Markup.html(title))</h1>
        \(body)</body></html>

        """
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;line-height:1.4}\
        h1{font-size:1.6rem;margin-bottom:.3rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}\
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}\
        th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}\
        th:first-child{width:30%}\
        th{background:#f3f5f7}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\
        tr.error td{background:#ffebe9}tr.warning td{background:#fff8c5}tr.conversion td{background:#fff}\
        .badges{margin:.5rem 0}.badge{display:inline-block;border-radius:1rem;padding:.15rem .7rem;margin-right:.3rem;font-weight:600}\
        .badge.error{background:#cf222e;color:#fff}.badge.warning{background:#bf8700;color:#fff}.badge.ok{background:#1a7f37;color:#fff}\
        .badge.info{background:#0969da;color:#fff}p.meta{color:#57606a}\
        details{margin:.4rem 0}summary{cursor:pointer;font-weight:600;padding:.2rem 0}
        """
}
