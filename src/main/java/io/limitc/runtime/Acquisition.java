package io.limitc.runtime;

/** Either a lease (close it when the connection ends) or a rejection. */
public record Acquisition(Lease lease, Rejection rejection) {

    public boolean granted() {
        return lease != null;
    }
}
