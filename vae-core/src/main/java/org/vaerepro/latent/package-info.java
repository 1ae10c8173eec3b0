/**
 * <b>API: latent-space probes.</b> Active units, 5-NN and linear probe accuracy, silhouette score and a
 * two-component PCA of latent means. Internal: {@code SquaredDistances}.
 */
package org.vaerepro.latent;
