using Regiekamer.Data.Tests.Schema;

namespace Regiekamer.Data.Tests;

/// <summary>The comparer behind SchemaDriftTests, on schemas written by hand: it must see every kind of difference.</summary>
public sealed class SchemaComparerTests
{
    private static readonly SchemaItem[] Base =
    [
        new("Calls", SchemaKinds.Table, "Calls", "table"),
        new("Calls", SchemaKinds.Column, "Id", "type integer; nullable no; identity BY DEFAULT"),
        new("Calls", SchemaKinds.Column, "Code", "type character varying; max length 20; nullable no"),
        new("Calls", SchemaKinds.PrimaryKey, "", "name PK_Calls; columns Id"),
        new("Calls", SchemaKinds.Index, "IX_Calls_Code", "columns Code; unique yes"),
        new("CallVersions", SchemaKinds.ForeignKey, "(CallId) -> Calls", "name FK_CallVersions_Calls_CallId; references Calls(Id); on delete RESTRICT"),
    ];

    [Fact]
    public void Compare_SameItemsInAnotherOrder_FindsNoDifference()
    {
        var differences = DatabaseSchema.Compare(new DatabaseSchema(Base), new DatabaseSchema(Base.Reverse()));

        Assert.Empty(differences);
    }

    [Fact]
    public void Compare_ColumnWithAnotherMaxLength_NamesTheColumnAndBothDefinitions()
    {
        var changed = Base.Select(i => i.Name == "Code" ? i with { Definition = "type character varying; max length 40; nullable no" } : i);

        var differences = DatabaseSchema.Compare(new DatabaseSchema(Base), new DatabaseSchema(changed));

        var d = Assert.Single(differences);
        Assert.Equal("Calls column Code", d.Key);
        Assert.Contains("max length 20", d.Left, StringComparison.Ordinal);
        Assert.Contains("max length 40", d.Right, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_IndexNoLongerUnique_IsADifference()
    {
        var changed = Base.Select(i => i.Kind == SchemaKinds.Index ? i with { Definition = "columns Code; unique no" } : i);

        var differences = DatabaseSchema.Compare(new DatabaseSchema(Base), new DatabaseSchema(changed));

        Assert.Equal("Calls index IX_Calls_Code", Assert.Single(differences).Key);
    }

    [Fact]
    public void Compare_ForeignKeyWithAnotherDeleteRule_IsADifference()
    {
        var changed = Base.Select(i => i.Kind == SchemaKinds.ForeignKey ? i with { Definition = i.Definition.Replace("RESTRICT", "CASCADE", StringComparison.Ordinal) } : i);

        var differences = DatabaseSchema.Compare(new DatabaseSchema(Base), new DatabaseSchema(changed));

        var d = Assert.Single(differences);
        Assert.EndsWith("on delete RESTRICT", d.Left, StringComparison.Ordinal);
        Assert.EndsWith("on delete CASCADE", d.Right, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ItemsMissingOnEitherSide_AreReportedAsMissing()
    {
        var left = Base.Where(i => i.Kind != SchemaKinds.PrimaryKey);
        var right = Base.Where(i => i.Kind != SchemaKinds.Index);

        var differences = DatabaseSchema.Compare(new DatabaseSchema(left), new DatabaseSchema(right));

        Assert.Equal(2, differences.Count);
        Assert.Contains(differences, d => d.Key == "Calls index IX_Calls_Code" && d.Left is not null && d.Right is null);
        Assert.Contains(differences, d => d.Key == "Calls primary key " && d.Left is null && d.Right is not null);
    }

    [Fact]
    public void Describe_ListsEachDifferenceWithBothSides()
    {
        var text = DatabaseSchema.Describe([new SchemaDifference("Calls column Code", "type TEXT", null)], "migrated", "model");

        Assert.Contains("1 schema difference(s) between migrated and model", text, StringComparison.Ordinal);
        Assert.Contains("Calls column Code", text, StringComparison.Ordinal);
        Assert.Contains("migrated: type TEXT", text, StringComparison.Ordinal);
        Assert.Contains("model:    (missing)", text, StringComparison.Ordinal);
    }
}
