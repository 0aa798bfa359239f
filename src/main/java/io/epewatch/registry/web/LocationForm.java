package io.epewatch.registry.web;

import java.util.EnumSet;
import java.util.List;

import io.epewatch.registry.GoodsKind;
import io.epewatch.registry.LocationInput;
import io.epewatch.registry.LocationKind;

/** A location to add to the site diagram. */
public class LocationForm {

    private String name;
    private LocationKind kind;
    private List<GoodsKind> goods = List.of();

    static LocationForm of(io.epewatch.registry.Location location) {
        LocationForm form = new LocationForm();
        form.name = location.name();
        form.kind = location.kind();
        form.goods = List.copyOf(location.goods());
        return form;
    }

    LocationInput toInput() {
        return new LocationInput(name, kind, goods == null || goods.isEmpty() ? EnumSet.noneOf(GoodsKind.class) : EnumSet.copyOf(goods));
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LocationKind getKind() { return kind; }
    public void setKind(LocationKind kind) { this.kind = kind; }
    public List<GoodsKind> getGoods() { return goods; }
    public void setGoods(List<GoodsKind> goods) { this.goods = goods; }
}
