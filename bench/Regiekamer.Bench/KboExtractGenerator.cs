using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Regiekamer.Bench;

/// <summary>
/// <c>kbo-extract PATH [ENTERPRISES]</c>: writes a synthetic KBO Open Data full extract (ZIP) in the published format
/// (../shared/docs/kbo-open-data.md), streamed entry by entry, for measuring the import (docs/performance.md, "KBO
/// import"). Per enterprise: one Dutch name (every fifth also a French one, every tenth an abbreviation), one registered
/// office (every tenth also an establishment unit's address, every twentieth an old struck-off office), and for half of
/// them a main NACE 2008 activity plus a secondary one; every fifth has an establishment's activity too. Deterministic.
/// Demo data: the names and addresses are made up.
/// </summary>
public static class KboExtractGenerator
{
    private static readonly string[] Municipalities = ["Gent", "Antwerpen", "Brugge", "Leuven", "Hasselt", "Mechelen", "Aalst", "Kortrijk", "Genk", "Oostende"];
    private static readonly string[] Zipcodes = ["9000", "2000", "8000", "3000", "3500", "2800", "9300", "8500", "3600", "8400"];
    private static readonly string[] Nace = ["88995", "81300", "47190", "56101", "43320", "62010", "96011", "49410", "38321", "70220"];

    public static int Write(string path, int enterprises)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using (var stream = File.Create(path))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            Entry(zip, "meta.csv", w =>
            {
                w.Write("\"Variable\",\"Value\"\r\n\"SnapshotDate\",\"01-11-2026\"\r\n\"ExtractTimestamp\",\"01-11-2026 06:12:00\"\r\n\"ExtractType\",\"full\"\r\n\"ExtractNumber\",\"140\"\r\n\"Version\",\"1.0.0\"\r\n");
            });
            Entry(zip, "code.csv", w =>
            {
                w.Write("\"Category\",\"Code\",\"Language\",\"Description\"\r\n");
                foreach (var (code, label) in new[] { ("014", "Naamloze vennootschap"), ("610", "Besloten vennootschap"), ("017", "Vereniging zonder winstoogmerk") })
                {
                    w.Write($"\"JuridicalForm\",\"{code}\",\"NL\",\"{label}\"\r\n\"JuridicalForm\",\"{code}\",\"FR\",\"{label} (FR)\"\r\n");
                }

                foreach (var code in Nace)
                {
                    w.Write($"\"Nace2008\",\"{code}\",\"NL\",\"Activiteit {code}\"\r\n\"Nace2008\",\"{code}\",\"FR\",\"Activité {code}\"\r\n");
                }
            });
            Entry(zip, "enterprise.csv", w =>
            {
                w.Write("\"EnterpriseNumber\",\"Status\",\"JuridicalSituation\",\"TypeOfEnterprise\",\"JuridicalForm\",\"JuridicalFormCAC\",\"StartDate\"\r\n");
                for (var i = 0; i < enterprises; i++)
                {
                    var natural = i % 7 == 0;
                    w.Write($"\"{Number(i)}\",\"AC\",\"000\",\"{(natural ? "1" : "2")}\",{(natural ? "" : i % 3 == 0 ? "\"610\"" : "\"014\"")},,01-01-2001\r\n");
                }
            });
            Entry(zip, "denomination.csv", w =>
            {
                w.Write("\"EntityNumber\",\"Language\",\"TypeOfDenomination\",\"Denomination\"\r\n");
                for (var i = 0; i < enterprises; i++)
                {
                    var number = Number(i);
                    w.Write($"\"{number}\",\"2\",\"001\",\"Onderneming {i} \"\"De Schakel\"\" BV\"\r\n");
                    if (i % 5 == 0)
                    {
                        w.Write($"\"{number}\",\"1\",\"001\",\"Entreprise {i}\"\r\n");
                    }

                    if (i % 10 == 0)
                    {
                        w.Write($"\"{number}\",\"2\",\"002\",\"O{i}\"\r\n");
                    }
                }
            });
            Entry(zip, "address.csv", w =>
            {
                w.Write("\"EntityNumber\",\"TypeOfAddress\",\"CountryNL\",\"CountryFR\",\"Zipcode\",\"MunicipalityNL\",\"MunicipalityFR\",\"StreetNL\",\"StreetFR\",\"HouseNumber\",\"Box\",\"ExtraAddressInfo\",\"DateStrikingOff\"\r\n");
                for (var i = 0; i < enterprises; i++)
                {
                    var number = Number(i);
                    var m = i % Municipalities.Length;
                    if (i % 20 == 0)
                    {
                        w.Write($"\"{number}\",\"REGO\",,,\"{Zipcodes[m]}\",\"{Municipalities[m]}\",\"{Municipalities[m]}\",\"Oude Straat\",\"Vieille Rue\",\"1\",,,01-02-2020\r\n");
                    }

                    w.Write($"\"{number}\",\"REGO\",,,\"{Zipcodes[m]}\",\"{Municipalities[m]}\",\"{Municipalities[m]}\",\"Stationsstraat\",\"Rue de la Gare\",\"{(i % 200) + 1}\",{(i % 4 == 0 ? "\"B\"" : "")},,\r\n");
                    if (i % 10 == 0)
                    {
                        w.Write($"\"{Establishment(i)}\",\"BAET\",,,\"{Zipcodes[m]}\",\"{Municipalities[m]}\",\"{Municipalities[m]}\",\"Werkhuisstraat\",\"Rue de l'Atelier\",\"7\",,,\r\n");
                    }
                }
            });
            Entry(zip, "activity.csv", w =>
            {
                w.Write("\"EntityNumber\",\"ActivityGroup\",\"NaceVersion\",\"NaceCode\",\"Classification\"\r\n");
                for (var i = 0; i < enterprises; i++)
                {
                    if (i % 2 == 0)
                    {
                        var number = Number(i);
                        w.Write($"\"{number}\",\"003\",\"2008\",\"{Nace[i % Nace.Length]}\",\"MAIN\"\r\n");
                        w.Write($"\"{number}\",\"003\",\"2008\",\"{Nace[(i + 3) % Nace.Length]}\",\"SECO\"\r\n");
                    }

                    if (i % 5 == 0)
                    {
                        w.Write($"\"{Establishment(i)}\",\"003\",\"2008\",\"{Nace[i % Nace.Length]}\",\"MAIN\"\r\n");
                    }
                }
            });
        }

        Console.Error.WriteLine($"Wrote {path}: {enterprises:N0} enterprises, {new FileInfo(path).Length / (1024.0 * 1024.0):N1} MB, in {started.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    /// <summary>A valid enterprise number, spread over 0200.000.0xx … 0899.999.9xx.</summary>
    public static string Number(int i)
    {
        var body = 2_000_000 + (i * 7L);
        var check = 97 - (int)(body % 97);
        var digits = body.ToString("D8", CultureInfo.InvariantCulture) + check.ToString("D2", CultureInfo.InvariantCulture);
        return $"{digits[..4]}.{digits[4..7]}.{digits[7..]}";
    }

    private static string Establishment(int i)
    {
        var digits = (2_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
        return $"{digits[0]}.{digits[1..4]}.{digits[4..7]}.{digits[7..]}";
    }

    private static void Entry(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
