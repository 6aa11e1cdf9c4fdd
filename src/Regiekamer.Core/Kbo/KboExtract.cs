using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using CsvHelper.Configuration;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Kbo;

/// <summary>A file of the extract that is wrong: which file, which line (1 is the header), and why, in Dutch and English.</summary>
public sealed class KboFileException(string file, long line, string nl, string en) : Exception($"{file}, line {line}: {en}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    /// <summary>The error as the importer returns it: the file and line first, in both languages.</summary>
    public DomainError ToError() => DomainError.Invalid(
        "kbo-file",
        Line > 0 ? $"{File}, regel {Line}: {Nl}" : $"{File}: {Nl}",
        Line > 0 ? $"{File}, line {Line}: {En}" : $"{File}: {En}",
        File);

    public string Nl { get; } = nl;

    public string En { get; } = en;
}

/// <summary>
/// A KBO Open Data extract as a ZIP or a folder of its CSV files. Entries are opened one at a time as streams; nothing is
/// read whole. Only the files Regiekamer reads are looked for; the others (contact, establishment, branch) are ignored.
/// </summary>
public sealed class KboExtract : IDisposable
{
    private readonly ZipArchive? _zip;
    private readonly FileStream? _zipFile;
    private readonly string? _folder;
    private readonly Dictionary<string, string> _names;

    private KboExtract(string name, ZipArchive? zip, FileStream? zipFile, string? folder, Dictionary<string, string> names)
    {
        Name = name;
        _zip = zip;
        _zipFile = zipFile;
        _folder = folder;
        _names = names;
    }

    /// <summary>The ZIP's or folder's name, for messages.</summary>
    public string Name { get; }

    /// <summary>Opens a ZIP or a folder; a ZIP that is not whole (truncated, not a ZIP) is refused naming it.</summary>
    public static KboExtract Open(string path, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = displayName ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*.csv").ToDictionary(f => Path.GetFileName(f).ToLowerInvariant(), f => f, StringComparer.Ordinal);
            return new KboExtract(name, null, null, path, files);
        }

        if (!System.IO.File.Exists(path))
        {
            throw new KboFileException(name, 0, "bestand of map niet gevonden.", "file or folder not found.");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            var entries = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                if (entry.Name.Length > 0)
                {
                    entries.TryAdd(entry.Name.ToLowerInvariant(), entry.FullName);
                }
            }

            return new KboExtract(name, zip, stream, null, entries);
        }
        catch (InvalidDataException ex)
        {
            stream.Dispose();
            throw new KboFileException(name, 0, $"geen volledig ZIP-bestand (afgebroken of beschadigd: {ex.Message}).", $"not a complete ZIP file (truncated or damaged: {ex.Message}).");
        }
    }

    public bool Has(string file) => _names.ContainsKey(file);

    /// <summary>A file of the extract, read with its header checked; refused naming it when it is not there.</summary>
    public KboCsvFile Read(string file, params string[] columns)
    {
        if (!_names.TryGetValue(file, out var name))
        {
            throw new KboFileException(file, 0, $"ontbreekt in {Name}.", $"is missing from {Name}.");
        }

        Stream stream;
        try
        {
            stream = _zip is not null
                ? _zip.GetEntry(name)!.Open()
                : new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (InvalidDataException ex)
        {
            throw new KboFileException(file, 0, $"kan niet gelezen worden ({ex.Message}).", $"cannot be read ({ex.Message}).");
        }

        return new KboCsvFile(file, stream, columns);
    }

    public void Dispose()
    {
        _zip?.Dispose();
        _zipFile?.Dispose();
    }

    /// <summary>Whether the path is a folder (else a ZIP).</summary>
    public bool IsFolder => _folder is not null;
}

/// <summary>
/// One CSV file of the extract, read record by record with CsvHelper's parser (quoted fields, no object mapping): the
/// header must hold the columns asked for, every record as many fields as the header; a fault names the file and line.
/// </summary>
public sealed class KboCsvFile : IDisposable
{
    private readonly Stream _stream;
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;
    private readonly int[] _index;
    private readonly int _width;

    internal KboCsvFile(string file, Stream stream, string[] columns)
    {
        File = file;
        _stream = stream;
        _reader = new StreamReader(stream, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => throw new KboFileException(file, args.Context.Parser?.RawRow ?? 0, "ongeldig aanhalingsteken in een veld.", "a stray double quote in a field."),
            DetectColumnCountChanges = false,
            BufferSize = 1 << 16,
        };
        _parser = new CsvParser(_reader, config);
        if (!Next())
        {
            throw new KboFileException(file, 1, "het bestand is leeg (geen kopregel).", "the file is empty (no header).");
        }

        var header = Enumerable.Range(0, _parser.Count).Select(i => _parser[i]).ToList();
        _width = header.Count;
        _index = new int[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            _index[i] = header.FindIndex(h => string.Equals(h, columns[i], StringComparison.OrdinalIgnoreCase));
            if (_index[i] < 0)
            {
                throw new KboFileException(file, 1, $"kolom '{columns[i]}' ontbreekt in de kopregel.", $"column '{columns[i]}' is missing from the header.");
            }
        }
    }

    public string File { get; }

    /// <summary>The line of the current record (1 is the header).</summary>
    public long Line => _parser.RawRow;

    /// <summary>Records read so far (not counting the header).</summary>
    public long Records { get; private set; }

    /// <summary>The next record; false at the end of the file.</summary>
    public bool Read()
    {
        if (!Next())
        {
            return false;
        }

        if (_parser.Count != _width)
        {
            throw Fail($"{_parser.Count} velden waar de kopregel er {_width} heeft.", $"{_parser.Count} fields where the header has {_width}.");
        }

        Records++;
        return true;
    }

    /// <summary>The value of the n-th column asked for.</summary>
    public string this[int column] => _parser[_index[column]];

    public KboFileException Fail(string nl, string en) => new(File, Line, nl, en);

    /// <summary>An enterprise number (0200.065.765) or, where <paramref name="establishments"/>, null for an establishment number (2.000.000.339).</summary>
    public string? EnterpriseNumber(int column, bool establishments)
    {
        var text = this[column];
        if (KboNumber.TryParse(text, out var number))
        {
            return number.Value;
        }

        if (establishments && IsEstablishmentNumber(text))
        {
            return null;
        }

        throw Fail($"'{Truncate(text)}' is geen ondernemingsnummer (tien cijfers, controle 97 − eerste acht mod 97).", $"'{Truncate(text)}' is not an enterprise number (ten digits, check 97 − first eight mod 97).");
    }

    private static bool IsEstablishmentNumber(string text) =>
        text.Length == 13 && text[1] == '.' && text[5] == '.' && text[9] == '.' && text[0] is >= '2' and <= '9'
        && text.Where((c, i) => i is not (1 or 5 or 9)).All(char.IsAsciiDigit);

    internal static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private bool Next()
    {
        try
        {
            return _parser.Read();
        }
        catch (KboFileException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.DecoderFallbackException or IOException or CsvHelperException)
        {
            throw new KboFileException(File, _parser.RawRow + 1, $"kan niet verder gelezen worden ({ex.GetType().Name}: {ex.Message}); afgebroken of beschadigd bestand?", $"cannot be read further ({ex.GetType().Name}: {ex.Message}); a truncated or damaged file?");
        }
    }

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
        _stream.Dispose();
    }
}
