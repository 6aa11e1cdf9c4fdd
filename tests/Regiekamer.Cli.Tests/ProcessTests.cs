using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Regiekamer.Cli.Tests;

/// <summary>The built CLI as a real process: the entry point, UTF-8 output and the exit codes.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task BuiltCli_RunsAsAProcess_WithExitCodes0And1And2()
    {
        var good = _files.Lines("verbanden.csv", "name,kind,members,managing_municipality,status", "Scheldeland – één regio?,interlocal-association,Hamme;Laarne;Wetteren;Wichelen;Zele,Wetteren,existing");
        var bad = _files.Lines("fout.csv", "name,kind,members,managing_municipality,status", "X,city,Hamme,,new");

        var ok = await RunAsync("eligibility", "--partnerships", good, "--on", "2026-01-01");
        var badInput = await RunAsync("eligibility", "--partnerships", bad);
        var usage = await RunAsync("eligibility", "--nonsense");

        Assert.True(ok.ExitCode == 0, ok.Stderr);
        using var json = JsonDocument.Parse(ok.Stdout);
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Scheldeland – één regio?", item.GetProperty("partnership").GetString());
        Assert.Contains("één", ok.Stdout, StringComparison.Ordinal);
        Assert.False(item.GetProperty("eligible").GetBoolean());
        Assert.Equal((1, ""), (badInput.ExitCode, badInput.Stdout));
        Assert.Contains("rij 2, veld kind, waarde 'city'", badInput.Stderr, StringComparison.Ordinal);
        Assert.Equal((2, ""), (usage.ExitCode, usage.Stdout));
    }

    private static async Task<CliOutcome> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "regiekamer.dll");
        Assert.True(File.Exists(dll), $"{dll} is not next to the tests");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliOutcome(process.ExitCode, await stdout, await stderr);
    }
}
