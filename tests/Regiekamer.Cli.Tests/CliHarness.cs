using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace Regiekamer.Cli.Tests;

public sealed record CliOutcome(int ExitCode, string Stdout, string Stderr);

/// <summary>A clock fixed at one instant, in UTC, so that "today" is the same on every machine.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>A temporary folder for the input files of one test, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "regiekamer-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string Lines(string name, params string[] lines) => File(name, string.Join("\n", lines) + "\n");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the OS cleans the temp folder.
        }
    }
}

public static partial class Run
{
    public static readonly TimeProvider DefaultTime = FixedTime.On(2025, 6, 1);

    public static Task<CliOutcome> Cli(params string[] args) => CliWith(DefaultTime, _ => null, args);

    public static async Task<CliOutcome> CliWith(TimeProvider time, Func<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await Regiekamer.Cli.Cli.RunAsync(args, stdout, stderr, time, environment);
        return new CliOutcome(exit, stdout.ToString(), stderr.ToString());
    }

    public static List<Dictionary<string, string>> Csv(string text, out string[] header)
    {
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        }

        return rows;
    }

    /// <summary>"1234.56" → 123456. Fails the test on anything but digits, a dot and exactly two decimals.</summary>
    public static long Cents(string euros)
    {
        Assert.Matches(EuroPattern(), euros);
        return long.Parse(euros.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\d+\.\d{2}$")]
    private static partial Regex EuroPattern();
}
