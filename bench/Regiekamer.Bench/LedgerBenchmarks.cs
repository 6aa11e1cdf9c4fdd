using BenchmarkDotNet.Attributes;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;

namespace Regiekamer.Bench;

/// <summary>
/// The ledger of a call with 40 beneficiaries × 3 years × 4 payments, some stopped and reclaimed: computing it with its
/// reconciliation, pure (issue 9's target: below 1 ms).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LedgerBenchmarks
{
    private List<LedgerDecree> _decrees = null!;
    private List<LedgerPayment> _payments = null!;
    private HashSet<int> _stopped = null!;
    private List<LedgerReclaim> _reclaims = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(9);
        _decrees = [];
        _payments = [];
        _reclaims = [];
        _stopped = [];
        for (var year = 2023; year <= 2025; year++)
        {
            var lines = Enumerable.Range(1, 40).Select(p => new LedgerGrant(year, p, $"Begunstigde {p}", $"MB-{year}", Money.FromEuros(75_000))).ToList();
            _decrees.Add(new LedgerDecree(year, $"MB-{year}", Money.FromEuros(3_000_000), lines));
            foreach (var line in lines)
            {
                for (var n = 0; n < 4; n++)
                {
                    _payments.Add(new LedgerPayment(_payments.Count + 1, year, line.PartnershipId, $"P{_payments.Count + 1}", Money.FromEuros(18_750), n < 3 ? PaymentStatus.Paid : (PaymentStatus)random.Next(0, 6)));
                }

                if (line.PartnershipId % 10 == 0)
                {
                    _stopped.Add(line.PartnershipId);
                    _reclaims.Add(new LedgerReclaim(year, line.PartnershipId, Money.FromEuros(18_750), Money.FromEuros(10_000), Money.Zero));
                }
            }
        }
    }

    [Benchmark]
    public bool Reconcile40x3x4() => Ledger.Compute(_decrees, _payments, _stopped, _reclaims).Reconciles;
}
