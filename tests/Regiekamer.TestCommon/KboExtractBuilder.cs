using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Regiekamer.TestCommon;

/// <summary>
/// Writes a KBO Open Data extract in exactly the published format (../shared/docs/kbo-open-data.md): UTF-8 CSV with a
/// header, text in double quotes, dates dd-MM-yyyy unquoted, enterprise numbers with dots. A full extract writes
/// enterprise.csv, …; an update writes enterprise_insert.csv and enterprise_delete.csv, …. Tests can break a file on
/// purpose (<see cref="ReplaceLine"/>, <see cref="Header"/>, <see cref="Omit"/>, <see cref="WriteTruncatedZip"/>).
/// </summary>
public sealed class KboExtractBuilder
{
    public const string EnterpriseHeader = "\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"";
    public const string DenominationHeader = "\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"";
    public const string AddressHeader = "\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\",\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\",\"DateStrikingOff\"";
    public const string ActivityHeader = "\"EntityNumber\",\"ActivityGroup\",\"NaceVersion\",\"NaceCode\",\"Classification\"";
    public const string CodeHeader = "\"Category\",\"Code\",\"Language\",\"Description\"";

    private readonly Dictionary<string, List<string>> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _omitted = new(StringComparer.Ordinal);

    public KboExtractBuilder(int extractNumber, string type = "full", DateOnly? snapshotDate = null)
    {
        Type = type;
        var date = snapshotDate ?? new DateOnly(2026, 11, 1);
        Lines("meta.csv", "\"Variable\",\"Value\"").AddRange(
        [
            $"\"SnapshotDate\",\"{date:dd-MM-yyyy}\"",
            $"\"ExtractTimestamp\",\"{date:dd-MM-yyyy} 06:12:00\"",
            $"\"ExtractType\",\"{type}\"",
            $"\"ExtractNumber\",\"{extractNumber.ToString(CultureInfo.InvariantCulture)}\"",
            "\"Version\",\"1.0.0\"",
        ]);
        if (type == "full")
        {
            // An update carries code.csv only when codes changed (then in full); without it the labels in force stay.
            Lines("code.csv", CodeHeader);
        }

        foreach (var name in new[] { "enterprise", "denomination", "address", "activity" })
        {
            var header = name switch { "enterprise" => EnterpriseHeader, "denomination" => DenominationHeader, "address" => AddressHeader, _ => ActivityHeader };
            if (type == "full")
            {
                Lines($"{name}.csv", header);
            }
            else
            {
                Lines($"{name}_insert.csv", header);
                Lines($"{name}_delete.csv", name == "enterprise" ? "\"EnterpriseNumber\"" : "\"EntityNumber\"");
            }
        }

        // Files Regiekamer ignores are there too, as in a real extract.
        Lines(type == "full" ? "contact.csv" : "contact_insert.csv", "\"EntityNumber\",\"EntityContact\",\"ContactType\",\"Value\"").Add("\"0207.000.077\",\"ENT\",\"EMAIL\",\"info@example.org\"");
    }

    public string Type { get; }

    /// <summary>The files and their lines (header first), as they will be written.</summary>
    public IReadOnlyDictionary<string, List<string>> Files => _files;

    /// <summary>A valid enterprise number for a body below 20,000,000 (the first eight digits), with dots.</summary>
    public static string Number(int body)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(body, 20_000_000);
        var text = body.ToString("D8", CultureInfo.InvariantCulture);
        var check = 97 - (int)(long.Parse(text, CultureInfo.InvariantCulture) % 97);
        var digits = text + check.ToString("D2", CultureInfo.InvariantCulture);
        return $"{digits[..4]}.{digits[4..7]}.{digits[7..]}";
    }

    /// <summary>The usual labels: juridical forms 014 (NV), 610 (BV), 017 (VZW), NACE 2008 and 2025 codes.</summary>
    public KboExtractBuilder WithCodes()
    {
        Code("JuridicalForm", "014", "Naamloze vennootschap", "Société anonyme");
        Code("JuridicalForm", "610", "Besloten vennootschap", "Société à responsabilité limitée");
        Code("JuridicalForm", "017", "Vereniging zonder winstoogmerk", "Association sans but lucratif");
        Code("Nace2008", "88995", "Beschutte en sociale werkplaatsen", "Ateliers protégés et sociaux");
        Code("Nace2008", "81300", "Landschapsverzorging", "Services d'aménagement paysager");
        Code("Nace2025", "88995", "Maatwerkbedrijven", "Entreprises de travail adapté");
        Code("Status", "AC", "Actief", "Actif");
        return this;
    }

    public KboExtractBuilder Code(string category, string code, string dutch, string french)
    {
        Lines("code.csv", CodeHeader).Add($"{Q(category)},{Q(code)},\"NL\",{Q(dutch)}");
        Lines("code.csv", CodeHeader).Add($"{Q(category)},{Q(code)},\"FR\",{Q(french)}");
        return this;
    }

    public KboExtractBuilder Enterprise(string number, string status = "AC", string type = "2", string juridicalForm = "014", string startDate = "01-01-2001")
    {
        Lines(Data("enterprise")).Add($"{Q(number)},{Q(status)},\"000\",{Q(type)},{(juridicalForm.Length == 0 ? "" : Q(juridicalForm))},,{startDate}");
        return this;
    }

    public KboExtractBuilder Denomination(string number, string name, string language = "2", string type = "001")
    {
        Lines(Data("denomination")).Add($"{Q(number)},{Q(language)},{Q(type)},{Q(name)}");
        return this;
    }

    public KboExtractBuilder Address(string number, string zipcode, string municipality, string street, string houseNumber, string box = "", string type = "REGO", string dateStrikingOff = "", string country = "")
    {
        Lines(Data("address")).Add($"{Q(number)},{Q(type)},{Opt(country)},{Opt(country)},{Q(zipcode)},{Q(municipality)},{Q(municipality)},{Q(street)},{Q(street)},{Q(houseNumber)},{Opt(box)},,{dateStrikingOff}");
        return this;
    }

    public KboExtractBuilder Activity(string number, string naceCode, string version = "2008", string classification = "MAIN", string group = "003")
    {
        Lines(Data("activity")).Add($"{Q(number)},{Q(group)},{Q(version)},{Q(naceCode)},{Q(classification)}");
        return this;
    }

    /// <summary>An update's deletion of every row of a number in one file (enterprise, denomination, address, activity).</summary>
    public KboExtractBuilder Delete(string file, string number)
    {
        Lines($"{file}_delete.csv").Add(Q(number));
        return this;
    }

    /// <summary>A complete enterprise: name, registered office, one main activity.</summary>
    public KboExtractBuilder Company(string number, string name, string municipality = "Gent", string zipcode = "9000", string nace = "88995", string status = "AC", string type = "2", string juridicalForm = "014") =>
        Enterprise(number, status, type, juridicalForm).Denomination(number, name).Address(number, zipcode, municipality, "Stationsstraat", "12", "B").Activity(number, nace);

    /// <summary>Replaces line <paramref name="line"/> (1 is the header) of a file.</summary>
    public KboExtractBuilder ReplaceLine(string file, int line, string text)
    {
        _files[file][line - 1] = text;
        return this;
    }

    public KboExtractBuilder Header(string file, string header) => ReplaceLine(file, 1, header);

    public KboExtractBuilder Omit(string file)
    {
        _omitted.Add(file);
        return this;
    }

    public string WriteFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, lines) in Included())
        {
            File.WriteAllText(Path.Combine(folder, name), Content(lines), new UTF8Encoding(false));
        }

        return folder;
    }

    public string WriteZip(string path)
    {
        using (var stream = File.Create(path))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (name, lines) in Included())
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(Content(lines));
            }
        }

        return path;
    }

    /// <summary>The ZIP cut off after <paramref name="fraction"/> of its bytes, as a broken download is.</summary>
    public string WriteTruncatedZip(string path, double fraction)
    {
        WriteZip(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * fraction)]);
        return path;
    }

    private IEnumerable<(string Name, List<string> Lines)> Included() => _files.Where(f => !_omitted.Contains(f.Key)).Select(f => (f.Key, f.Value));

    private static string Content(List<string> lines) => string.Join("\r\n", lines) + "\r\n";

    private string Data(string name) => Type == "full" ? $"{name}.csv" : $"{name}_insert.csv";

    private List<string> Lines(string file, string? header = null)
    {
        if (!_files.TryGetValue(file, out var lines))
        {
            lines = header is null ? throw new ArgumentException($"No file {file} in this extract.", nameof(file)) : [header];
            _files[file] = lines;
        }

        return lines;
    }

    private static string Q(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Opt(string text) => text.Length == 0 ? "" : Q(text);
}
