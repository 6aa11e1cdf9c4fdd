using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Allocation;

public sealed class WhatIfService(AllocationService allocation)
{
    public async Task<Result<(AllocationPreview Preview, WhatIfOutcome Outcome)>> ApplyAsync(int? callId, DateOnly on, WhatIfChange change, CancellationToken ct = default)
    {
        var preview = await allocation.PreviewAsync(callId, on, ct);
        if (!preview.IsSuccess)
        {
            return Result<(AllocationPreview, WhatIfOutcome)>.Fail(preview.Errors);
        }

        var p = preview.Value!;
        var facts = p.PartnershipsByName.Values.Select(PartnershipService.ToFacts).ToList();
        var outcome = WhatIf.Apply(facts, change, p.Snapshot, on, p.Budget, p.Weights);
        return outcome.IsSuccess ? Result<(AllocationPreview, WhatIfOutcome)>.Ok((p, outcome.Value!)) : Result<(AllocationPreview, WhatIfOutcome)>.Fail(outcome.Errors);
    }

    public async Task<Result<(AllocationPreview Preview, IReadOnlyList<JoinOption> Options)>> JoinTableAsync(int? callId, DateOnly on, CancellationToken ct = default)
    {
        var preview = await allocation.PreviewAsync(callId, on, ct);
        if (!preview.IsSuccess)
        {
            return Result<(AllocationPreview, IReadOnlyList<JoinOption>)>.Fail(preview.Errors);
        }

        var p = preview.Value!;
        var eligible = p.Lines.Select(l => PartnershipService.ToFacts(p.PartnershipsByName[l.Name])).ToList();
        return Result<(AllocationPreview, IReadOnlyList<JoinOption>)>.Ok((p, WhatIf.JoinTable(eligible, p.Snapshot, p.Budget, p.Weights)));
    }
}
