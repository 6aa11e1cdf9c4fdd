using System.Globalization;
using BenchmarkDotNet.Attributes;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;

namespace Regiekamer.Bench;

/// <summary>
/// A multi-year plan of 10,000 actions: reading it from CSV and from XLSX with its checks (target: below 2 s each),
/// and R10–R12 alone (target: below 5 ms).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PlanBenchmarks
{
    public const int Actions = 10_000;

    private static readonly PlanPeriod Period = PlanPeriod.OpenCall2023;

    private List<PlanAction> _actions = null!;
    private byte[] _csv = null!;
    private byte[] _xlsx = null!;

    [GlobalSetup]
    public void Setup()
    {
        _actions = Plan(Actions);
        using var csv = new MemoryStream();
        PlanFile.WriteCsv(csv, _actions, Period);
        _csv = csv.ToArray();
        using var xlsx = new MemoryStream();
        PlanFile.WriteXlsx(xlsx, _actions, Period);
        _xlsx = xlsx.ToArray();
    }

    /// <summary>R10–R12 on 10,000 actions already read.</summary>
    [Benchmark(Baseline = true)]
    public PlanCheck Check10000() => PlanRules.Check(_actions, Period);

    /// <summary>A CSV file of 10,000 actions (11.5 MB): decoded, parsed, amounts read, then checked.</summary>
    [Benchmark]
    public PlanCheck ReadAndCheckCsv10000()
    {
        using var stream = new MemoryStream(_csv, writable: false);
        return PlanFile.Read(stream, "plan.csv", Period).Check(Period);
    }

    /// <summary>The same plan as an Excel workbook.</summary>
    [Benchmark]
    public PlanCheck ReadAndCheckXlsx10000()
    {
        using var stream = new MemoryStream(_xlsx, writable: false);
        return PlanFile.Read(stream, "plan.xlsx", Period).Check(Period);
    }

    /// <summary>
    /// Actions shaped like those of the annex of seed 003: a policy goal and action plan per 25 actions, a title of
    /// 40-90 characters, a long description in BBC's HTML of 300-1,500 characters, a comment on every third, the four
    /// codes in turn, amounts from 0 to 35,000 euros with cents, a few actions not running every year.
    /// </summary>
    public static List<PlanAction> Plan(int count)
    {
        var random = new Random(2023);
        var actions = new List<PlanAction>(count);
        for (var i = 0; i < count; i++)
        {
            var amounts = new Dictionary<int, Money>();
            foreach (var year in Period.Years)
            {
                if (i % 10 != 7 || year != Period.LastYear)
                {
                    amounts[year] = new Money(random.Next(0, 8) == 0 ? 0 : random.Next(0, 3_500_001));
                }
            }

            var number = i.ToString(CultureInfo.InvariantCulture);
            actions.Add(new PlanAction(
                null,
                $"BD{i / 25}: lokale regie sociale economie en werk",
                $"AP{i / 25}.{i % 5}: samenwerking in de regio",
                ("Concrete actie " + number + ": netwerking tussen sociale en reguliere economie, jaarlijkse meet & greet")[..random.Next(40, 91)],
                Html(random, random.Next(300, 1_501)),
                i % 3 == 0 ? "Resultaat: 3 lerende netwerken, 45 deelnemers; KPI: 10 nieuwe samenwerkingen." : null,
                PriorityCode.All[i % 4].Value,
                amounts));
        }

        return actions;
    }

    private static string Html(Random random, int length)
    {
        const string Sentence = "<p>Trekker: regisseur sociale economie en werk. Doel: samenwerking en kennisdeling stimuleren tussen maatwerkbedrijven, lokale besturen en VDAB; \"meer duurzame jobs\".</p> ";
        var text = string.Concat(Enumerable.Repeat(Sentence, (length / Sentence.Length) + 1));
        return text[..length].TrimEnd() + (random.Next(2) == 0 ? " <ul style=\"list-style-type: none\"><li>- KPI</li></ul>" : "");
    }
}
