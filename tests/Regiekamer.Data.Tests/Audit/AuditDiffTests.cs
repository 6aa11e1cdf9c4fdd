using Regiekamer.Core.Audit;

namespace Regiekamer.Data.Tests.Audit;

/// <summary>The readable before → after of a record: only the top-level fields that changed.</summary>
public sealed class AuditDiffTests
{
    [Fact]
    public void Update_ShowsOnlyChangedFields_ListsJoined()
    {
        var changes = AuditDiff.Changes(
            """{"Name":"Regie Durmeland","Members":["42008","42028"],"Status":"new","Note":null}""",
            """{"Name":"Regie Durmeland","Members":["42003","42028"],"Status":"changed","Note":null}""");

        Assert.Equal(
            [new AuditChange("Members", "42008, 42028", "42003, 42028"), new AuditChange("Status", "new", "changed")],
            changes);
    }

    [Fact]
    public void Creation_ListsEveryFieldSet_AndDeletionEveryFieldRemoved()
    {
        var created = AuditDiff.Changes(null, """{"Name":"Regie Gent","Managing":null,"Count":3,"Estimate":false}""");
        var deleted = AuditDiff.Changes("""{"CallVersionId":4,"Budget":"3000000.00"}""", null);

        Assert.Equal([new AuditChange("Name", null, "Regie Gent"), new AuditChange("Count", null, "3"), new AuditChange("Estimate", null, "false")], created);
        Assert.Equal([new AuditChange("CallVersionId", "4", null), new AuditChange("Budget", "3000000.00", null)], deleted);
    }

    [Fact]
    public void NestedObjectsAndListsOfObjects_ReadAsNameValuePairs()
    {
        var changes = AuditDiff.Changes(
            null,
            """{"Datasets":{"InhabitantsDatasetId":1,"JobSeekersDatasetId":3},"Lines":[{"PartnershipName":"Regie Gent","Total":"1.00"},{"PartnershipName":"Regie Antwerpen","Total":"2.00"}]}""");

        Assert.Equal("InhabitantsDatasetId: 1, JobSeekersDatasetId: 3", changes[0].After);
        Assert.Equal("PartnershipName: Regie Gent, Total: 1.00; PartnershipName: Regie Antwerpen, Total: 2.00", changes[1].After);
    }

    [Fact]
    public void AFieldThatAppearsOrDisappears_IsAChange_ButNullAndAbsentAreTheSame()
    {
        var changes = AuditDiff.Changes("""{"A":"1","B":null}""", """{"A":"1","C":"x"}""");

        Assert.Equal([new AuditChange("C", null, "x")], changes);
    }

    [Fact]
    public void TextThatIsNotJson_IsShownAsItIs()
    {
        var changes = AuditDiff.Changes("""{"Name":"A"}""", "vervalst door iemand");

        Assert.Equal([new AuditChange("", null, "vervalst door iemand"), new AuditChange("Name", "A", null)], changes);
    }
}
