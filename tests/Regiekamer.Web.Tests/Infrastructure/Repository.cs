using System.Reflection;

namespace Regiekamer.Web.Tests.Infrastructure;

/// <summary>Files of the work tree the tests were built from (set at build time; the test binaries may live elsewhere).</summary>
public static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string PathOf(string relative) => System.IO.Path.Combine(Root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>
    /// The reference region of each 2019-2024 municipality under the regions decision of 4/2/2022, which the
    /// 2023-2025 call names, read straight from the shipped source file.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Regions2022()
    {
        var lines = File.ReadAllLines(PathOf("src/Regiekamer.Core/ReferenceData/Data/flanders_municipalities_2019-2024_300.csv"));
        var header = lines[0].Split(',');
        var nis = Array.IndexOf(header, "nis_code");
        var region = Array.IndexOf(header, "refreg_code_2022");
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToDictionary(f => f[nis], f => f[region]);
    }
}
