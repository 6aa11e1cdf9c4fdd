using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Applications.Documents;

/// <summary>
/// One submitted version as a ZIP (dossierpakket): the version's content exactly as stored (<c>inhoud.json</c>, whose
/// SHA-256 is the receipt's), the version and its receipt as PDFs, the plan in BBC's action layout (CSV and XLSX), the
/// review and the decisions so far (and the decision letter, when this version was decided on), the attachments under
/// <c>bijlagen/</c>, a <c>SHA256SUMS</c> to check them with, and a <c>LEESMIJ.txt</c> that says all this. Pure and
/// deterministic: the entries come in a fixed order, each dated <c>created</c> (in Brussels time), so the same
/// inputs give the same bytes.
/// </summary>
public static partial class DossierBundle
{
    /// <summary>The folder the attachments go in.</summary>
    public const string AttachmentFolder = "bijlagen/";

    private const int MaxNameLength = 120;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>"RK-2023-0007-versie-2.zip": the name to download the bundle as.</summary>
    public static string FileName(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return string.Create(CultureInfo.InvariantCulture, $"{receipt.DossierNumber}-versie-{receipt.Version}.zip");
    }

    /// <summary>
    /// The bundle of <paramref name="version"/>. <paramref name="attachments"/> are the dossier's files (with their
    /// content); those uploaded after this version was submitted belong to a later version and are left out.
    /// <paramref name="checks"/> and <paramref name="decisions"/> are the dossier's review so far: the checks of this
    /// version and the decisions on it and on the versions before it are included.
    /// </summary>
    public static byte[] Create(
        SubmittedVersion version,
        IReadOnlyList<ApplicationAttachment> attachments,
        IReadOnlyList<ReviewCheck> checks,
        IReadOnlyList<ApplicationDecision> decisions,
        DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(attachments);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(decisions);
        var (content, receipt) = (version.Content, version.Receipt);
        ReceiptPdf.SameVersion(receipt, content);
        if (attachments.Any(a => a.ApplicationId != receipt.ApplicationId) || checks.Any(c => c.ApplicationId != receipt.ApplicationId)
            || decisions.Any(d => d.ApplicationId != receipt.ApplicationId))
        {
            throw new ArgumentException($"Every attachment, check and decision must belong to dossier {receipt.ApplicationId}.", nameof(attachments));
        }

        var n = content.Version.ToString(CultureInfo.InvariantCulture);
        var json = Utf8.GetBytes(version.Stored.Content);
        var files = Files(attachments.Where(a => a.UploadedAtUtc <= receipt.SubmittedAtUtc), content);
        var decision = decisions.Where(d => d.VersionNumber == content.Version).OrderBy(d => d.DecidedAtUtc).ThenBy(d => d.Id).LastOrDefault();

        var entries = new List<(string Name, byte[] Bytes)>
        {
            ("LEESMIJ.txt", ReadMe(version, files, decision is not null, created, json)),
            ("inhoud.json", json),
            ("SHA256SUMS", Sums(receipt, files)),
            ($"ontvangstbewijs-versie-{n}.pdf", ReceiptPdf.Create(receipt, content)),
            ($"versie-{n}.pdf", VersionPdf.Create(content, receipt)),
            ($"meerjarenplan-versie-{n}.csv", Plan(content, (stream, actions, period) => PlanFile.WriteCsv(stream, actions, period))),
            ($"meerjarenplan-versie-{n}.xlsx", Deterministic(Plan(content, (stream, actions, period) => PlanFile.WriteXlsx(stream, actions, period)), created)),
            ("beoordeling.pdf", ReviewPdf.Create(content, receipt, checks, decisions, created)),
        };
        if (decision is not null)
        {
            entries.Add(($"beslissing-versie-{n}.pdf", DecisionLetterPdf.Create(decision, content, receipt)));
        }

        entries.AddRange(files.Select(f => (AttachmentFolder + f.Name, f.Attachment.Content)));
        return Zip(entries, created);
    }

    /// <summary>An attachment in the bundle: its name there, and what it is.</summary>
    private sealed record BundledFile(string Name, ApplicationAttachment Attachment, string Description);

    private static List<BundledFile> Files(IEnumerable<ApplicationAttachment> attachments, ApplicationContent content)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<BundledFile>();
        foreach (var a in attachments.OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.Id))
        {
            var name = Unique(SafeFileName(a.FileName), taken);
            var commitment = a.Kind == AttachmentKind.CommitmentStatement
                ? content.Commitments.FirstOrDefault(c => string.Equals(c.Sha256, a.Sha256, StringComparison.OrdinalIgnoreCase))
                : null;
            var what = commitment is not null
                ? $"verbintenisverklaring van {DocumentText.Member(new ContentMember(commitment.NisCode, commitment.Name))}, gemeenteraadsbesluit van {DocumentText.Date(commitment.CouncilDecisionDate)}"
                : a.Kind == AttachmentKind.CommitmentStatement ? "verbintenisverklaring, niet opgenomen in deze versie" : "andere bijlage";
            files.Add(new BundledFile(name, a, what));
        }

        return files;
    }

    /// <summary>
    /// A file name that is safe to unpack anywhere: only its last part (no folders, no "..", no drive), without
    /// control, formatting (such as a right-to-left override) or characters Windows refuses, no dots or spaces at
    /// either end, not a Windows device name, at most 120 characters, ending in ".pdf" (attachments are PDFs, checked
    /// by content); "bijlage.pdf" when nothing is left.
    /// </summary>
    public static string SafeFileName(string? name)
    {
        var text = (name ?? "").Normalize(NormalizationForm.FormC);
        text = text[(text.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (clean.Length > 0 && clean[^1] != ' ')
                {
                    clean.Append(' ');
                }

                continue;
            }

            if (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format || c is '<' or '>' or ':' or '"' or '|' or '?' or '*')
            {
                continue;
            }

            clean.Append(c);
        }

        var result = clean.ToString().Trim();
        if (result.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            result = result[..^4];
        }

        result = result.Trim(' ', '.');

        var stem = result.Split('.')[0].Trim();
        if (ReservedNames.Contains(stem))
        {
            result = "_" + result;
        }

        result = Shorten(result, MaxNameLength - 4);
        return (result.Length == 0 ? "bijlage" : result) + ".pdf";
    }

    /// <summary>The name, or "name (2).pdf", "name (3).pdf", … when a name equal but for case is taken.</summary>
    private static string Unique(string name, HashSet<string> taken)
    {
        var stem = name[..^4];
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem} ({i}).pdf");
        }

        return candidate;
    }

    /// <summary>At most <paramref name="max"/> characters, never cutting a surrogate pair or an accent from its letter.</summary>
    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var result = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && result.Length + elements.GetTextElement().Length <= max)
        {
            result.Append(elements.GetTextElement());
        }

        return result.ToString().TrimEnd(' ', '.');
    }

    private static byte[] Plan(ApplicationContent content, Action<Stream, IReadOnlyList<PlanAction>, PlanPeriod> write)
    {
        using var stream = new MemoryStream();
        write(stream, VersionPlan.Actions(content), VersionPlan.Period(content));
        return stream.ToArray();
    }

    /// <summary>
    /// The XLSX as written, made the same for the same plan: MiniExcel dates its parts with the clock and names the
    /// sheet's relationship with a random GUID ("R53ceb737…"). The parts are repacked in the same order, each dated
    /// <paramref name="created"/>, and each such relationship ID becomes "R" and its number in 32 hex digits.
    /// </summary>
    private static byte[] Deterministic(byte[] xlsx, DateTimeOffset created)
    {
        using var input = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = new List<(string Name, byte[] Bytes)>();
        foreach (var entry in input.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                var text = Encoding.UTF8.GetString(bytes);
                var replaced = RandomRelationshipId().Replace(text, m =>
                {
                    if (!ids.TryGetValue(m.Value, out var id))
                    {
                        id = "R" + ids.Count.ToString("x32", CultureInfo.InvariantCulture);
                        ids[m.Value] = id;
                    }

                    return id;
                });
                if (!string.Equals(replaced, text, StringComparison.Ordinal))
                {
                    var preamble = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.ToArray() : [];
                    bytes = [.. preamble, .. Utf8.GetBytes(replaced.TrimStart('\uFEFF'))];
                }
            }

            parts.Add((entry.FullName, bytes));
        }

        return Zip(parts, created);
    }

    [GeneratedRegex("(?<=\\b(?:Id|r:id)=\")R[0-9a-f]{32}(?=\")", RegexOptions.CultureInvariant)]
    private static partial Regex RandomRelationshipId();

    private static byte[] Sums(Receipt receipt, List<BundledFile> files)
    {
        var text = new StringBuilder();
        text.Append(receipt.Sha256.ToLowerInvariant()).Append("  inhoud.json\n");
        foreach (var f in files)
        {
            text.Append(f.Attachment.Sha256.ToLowerInvariant()).Append("  ").Append(AttachmentFolder).Append(f.Name).Append('\n');
        }

        return Utf8.GetBytes(text.ToString());
    }

    private static byte[] ReadMe(SubmittedVersion version, List<BundledFile> files, bool decided, DateTimeOffset created, byte[] json)
    {
        var (content, receipt) = (version.Content, version.Receipt);
        var n = content.Version.ToString(CultureInfo.InvariantCulture);
        var period = DocumentText.Period(content.Call.FirstYear, content.Call.LastYear);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append("\r\n");

        Line($"Dossierpakket {content.DossierNumber}, versie {n}");
        Line(new string('=', 40));
        Line();
        Line($"Lokaal regieverband:   {content.Partnership.Name}");
        Line($"Oproep:                {DocumentText.Scheme}, {content.Call.Code} (oproepversie {content.Call.Version.ToString(CultureInfo.InvariantCulture)})");
        Line($"Ingediend op:          {DocumentText.Moment(receipt.SubmittedAtUtc)} (Brusselse tijd){(receipt.UnderExtension ? ", onder uitstel" : "")}");
        Line($"SHA-256 van de versie: {receipt.Sha256}");
        Line($"Pakket samengesteld:   {DocumentText.Moment(created.UtcDateTime)} (Brusselse tijd)");
        Line();
        Line("Wat zit er in dit pakket");
        Line("------------------------");
        void Entry(string name, params string[] lines)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                Line((i == 0 ? name : "").PadRight(34) + lines[i]);
            }
        }

        Entry("inhoud.json", $"De inhoud van versie {n} precies zoals Regiekamer ze bewaart (JSON, UTF-8).", "Haar SHA-256 is de vingerafdruk op het ontvangstbewijs. Bij twijfel geldt dit bestand.");
        Entry($"ontvangstbewijs-versie-{n}.pdf", "Het ontvangstbewijs van de indiening.");
        Entry($"versie-{n}.pdf", "De volledige versie, leesbaar op papier.");
        Entry($"meerjarenplan-versie-{n}.csv", $"De acties van het meerjarenplan {period} in de lay-out van BBC:", "UTF-8, scheidingsteken ';', bedragen als 35.000,00.");
        Entry($"meerjarenplan-versie-{n}.xlsx", "Hetzelfde als Excel-werkmap, met de bedragen als getal.");
        Entry("beoordeling.pdf", $"De controles van versie {n} en de beslissingen tot nu toe.");
        if (decided)
        {
            Entry($"beslissing-versie-{n}.pdf", $"De brief met de beslissing over versie {n}.");
        }

        Entry("SHA256SUMS", "De SHA-256 van inhoud.json en van elke bijlage, zoals Regiekamer ze bewaart.");
        Entry(AttachmentFolder, files.Count == 0 ? "Geen bijlagen." : "De bijlagen bij het dossier, opgeladen tot de indiening van deze versie:");
        foreach (var f in files)
        {
            Line($"  {AttachmentFolder}{f.Name}");
            Line($"      {f.Description}, opgeladen op {DocumentText.Moment(f.Attachment.UploadedAtUtc)}");
            if (!string.Equals(f.Name, f.Attachment.FileName, StringComparison.Ordinal))
            {
                Line($"      opgeladen als: {Printable(f.Attachment.FileName)}");
            }

            Line($"      SHA-256: {f.Attachment.Sha256}");
        }

        Line();
        Line("De PDF's en het meerjarenplan als CSV en XLSX zijn bij het samenstellen van dit pakket gemaakt uit inhoud.json;");
        Line("de vingerafdruk geldt voor inhoud.json en, via de SHA-256 die erin staat, voor de verbintenisverklaringen.");
        Line();
        Line("De vingerafdruk controleren");
        Line("---------------------------");
        Line("Linux:          sha256sum inhoud.json");
        Line("macOS:          shasum -a 256 inhoud.json");
        Line("Windows:        Get-FileHash inhoud.json -Algorithm SHA256   (PowerShell; toont hoofdletters)");
        Line($"De uitkomst moet gelijk zijn aan {receipt.Sha256}.");
        Line("Alles tegelijk (inhoud.json en de bijlagen): sha256sum -c SHA256SUMS");
        var actual = ApplicationContent.Sha256Of(Utf8.GetString(json));
        if (!string.Equals(actual, receipt.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            Line();
            Line($"LET OP: de SHA-256 van inhoud.json in dit pakket is {actual}, niet die van het ontvangstbewijs.");
            Line("De bewaarde inhoud komt niet overeen met wat werd ingediend. Meld dit aan het departement.");
        }

        return Encoding.UTF8.GetPreamble().Concat(Utf8.GetBytes(text.ToString())).ToArray();
    }

    /// <summary>A name as uploaded, with control and formatting characters shown as "?" so the text file stays readable.</summary>
    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c));

    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries, DateTimeOffset created)
    {
        var stamp = TimeZoneInfo.ConvertTime(created, BrusselsClock.Zone);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Utf8))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }
}
