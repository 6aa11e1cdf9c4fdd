using System.CommandLine;
using System.Globalization;
using System.Text;
using Regiekamer.Core.Common;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// What every <c>… export</c> verb shares: <c>--format csv|xlsx</c> and <c>--output FILE</c>, checked before the
/// database is opened; CSV to stdout unless a file is named, XLSX only to a file; nothing written on an error.
/// </summary>
internal sealed class ExportOutput
{
    public Option<string> Format { get; } = new("--format") { Description = "csv (standaard) of xlsx.", DefaultValueFactory = _ => "csv", HelpName = "FORMAT" };

    public Option<string?> File { get; } = new("--output") { Description = "Schrijf naar dit bestand in plaats van naar stdout (verplicht voor xlsx).", HelpName = "FILE" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Format);
        command.Add(File);
    }

    /// <summary>The format and file given, or null with the errors (a format other than csv/xlsx, xlsx without a file, a file in a folder that does not exist).</summary>
    public (bool Xlsx, string? File)? Resolve(ParseResult parse, List<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var format = parse.GetValue(Format)!;
        var file = parse.GetValue(File);
        var count = errors.Count;
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(DomainError.Invalid("format", $"--format: '{format}' is geen csv of xlsx.", $"--format: '{format}' is not csv or xlsx.", "--format"));
        }
        else if (xlsx && file is null)
        {
            errors.Add(DomainError.Invalid("format", "--format xlsx: geef een bestand met --output (XLSX gaat niet naar stdout).", "--format xlsx: name a file with --output (XLSX does not go to stdout).", "--output"));
        }

        if (file is not null && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder && !Directory.Exists(folder))
        {
            errors.Add(DomainError.Invalid("file", $"--output: de map {folder} bestaat niet.", $"--output: the folder {folder} does not exist.", "--output"));
        }

        return errors.Count > count ? null : (xlsx, file);
    }

    /// <summary>The table as CSV on stdout, or as CSV/XLSX in the file with <paramref name="written"/> (given the full path) on stdout.</summary>
    public static async Task<int> WriteAsync(CliContext cli, CultureInfo culture, Table table, (bool Xlsx, string? File) target, Func<string, Bilingual> written, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(written);
        var bytes = target.Xlsx ? table.ToXlsx() : table.ToCsv();
        if (target.File is null)
        {
            cli.Output(new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF').TrimEnd());
            return Cli.Success;
        }

        var full = Path.GetFullPath(target.File);
        try
        {
            await System.IO.File.WriteAllBytesAsync(full, bytes, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return cli.Fail([DomainError.Invalid("file", $"--output {full}: het bestand kan niet geschreven worden ({e.Message}).", $"--output {full}: the file cannot be written ({e.Message}).", "--output")], culture);
        }

        cli.Output(written(full).For(culture));
        return Cli.Success;
    }
}
